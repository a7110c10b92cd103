"""The vocabulary: process definitions, expressions, fields, dossiers and events, findings.

Pure and deterministic: no files, no clock, no outside technology but msgspec's structs.
Every other stage speaks in these types.
"""
