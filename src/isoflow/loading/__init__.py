"""Reading process files: hardened XML parsing, schema messages, the model builder, discovery.

The only stage that touches lxml for process files.  What it produces is the model
(:mod:`isoflow.model`) plus findings for what could not be read.
"""
