"""B006 unknown-step: a feature's step lines say what one of isoflow's steps says.

What it checks: a step line that is close to one of isoflow's sentences (``isoflow steps`` lists
them) but matches none of them, or matches one with a time or date that does not exist
(``31/02/2026``, ``25:00``).  A line close to no sentence is taken for a step of the project's
own and left to pytest.
Why it matters: pytest-bdd only says "StepDefinitionNotFoundError" in English when the scenario
runs, without saying which sentence was meant or that ``17h`` must be written ``17:00``.
Flagged: ``Khi hồ sơ được tiếp nhận lúc 17h ngày 16/02/2026 qua kênh "trực tiếp"`` (times are
written ``17:00``); ``Thì hồ sơ ở bươc "tham_dinh"``; ``bây giờ là 08:00 ngày 31/02/2026``.
Accepted: ``Khi hồ sơ được tiếp nhận lúc 17:00 ngày 16/02/2026 qua kênh "trực tiếp"``; an instant
written ``2026-02-16 17:00`` in an English feature; a step of the project's own.
Fix: write the sentence as the hint gives it: times ``HH:MM``, dates ``DD/MM/YYYY`` (Vietnamese)
or ``YYYY-MM-DD HH:MM`` (English).
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("B006", "unknown-step", Severity.ERROR, __doc__)
