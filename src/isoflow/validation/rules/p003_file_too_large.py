"""P003 file-too-large: a process file stays under 2 MiB.

What it checks: the file is at most 2 MiB; larger files are not read at all.
Why it matters: a real procedure is a few hundred lines; a huge file is a mistake or an
attack on the validator's memory, and CI must finish in bounded time.
Flagged: a 50 MB file in ``processes/``.
Accepted: any file under the limit.
Fix: split the catalogue into one file per procedure, sharing the common flow with ``extends``.
"""

from isoflow.loading.diagnostics import FILE_TOO_LARGE
from isoflow.validation.rules._api import Rule

# The loader makes these findings itself, through the identity it shares with this module.
rule = Rule.of(FILE_TOO_LARGE, __doc__)
