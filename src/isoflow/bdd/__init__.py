"""Executable specifications: the Gherkin step library isoflow ships as a pytest plugin.

``parsing`` reads the values a sentence carries (instants, numbers, quoted text) and matches
sentences in NFC; ``catalogue`` registers every step in Vietnamese and English and keeps the
list the README is generated from; ``world`` is one scenario's desk, clock and dossier, and
says what went wrong in the language of the step; ``steps`` holds the sentences themselves.
The pytest side (fixtures, options) is :mod:`isoflow.bdd.plugin`.
"""
