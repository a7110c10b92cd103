"""B001 feature-not-nfc: feature files are written in Unicode NFC.

What it checks: every line of a ``.feature`` file is in Unicode normalisation form C.
Why it matters: Gherkin keywords typed decomposed (NFD, e.g. "Tính năng" with combining
accents) do not parse at all, and decomposed step text matches no step pattern: pytest-bdd
then reports "step definition not found" for a sentence that looks exactly right on screen.
isoflow's steps normalise both sides, but other tools reading the file do not.
Flagged: a line typed with combining accents (often from macOS or some input methods).
Accepted: the same text in NFC.
Fix: convert the file to NFC, for example ``python -c "import sys,unicodedata;
p=sys.argv[1]; t=open(p,encoding='utf-8').read(); open(p,'w',encoding='utf-8').write(
unicodedata.normalize('NFC', t))" FILE``.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("B001", "feature-not-nfc", Severity.WARNING, __doc__)
