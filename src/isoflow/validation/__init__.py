"""Findings about definitions and features: the rule catalogue, parallel runs, output formats.

Pure over what :mod:`isoflow.loading` produced: rules look at definitions and never read
files or the clock.
"""
