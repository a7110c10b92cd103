"""B005 feature-syntax: a feature file is valid Gherkin.

What it checks: the file parses as Gherkin (in the language its ``# language:`` line names).
Why it matters: pytest-bdd refuses the whole file, so none of its scenarios run.
Flagged: a Vietnamese feature without ``# language: vi`` on its first lines (``Tính năng:`` is
then not a keyword), a step outside any scenario, a table row with a missing ``|``.
Accepted: ``# language: vi`` then ``Tính năng:``, ``Bối cảnh:``, ``Kịch bản:`` (or
``Tình huống:``), ``Khung kịch bản:`` with ``Dữ liệu:``, and steps ``Biết``/``Cho``, ``Khi``,
``Thì``, ``Và``, ``Nhưng``.
Fix: correct the line the finding names; the message is the Gherkin parser's own.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("B005", "feature-syntax", Severity.ERROR, __doc__)
