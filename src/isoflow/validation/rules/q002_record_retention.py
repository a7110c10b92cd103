"""Q002 record-retention: records say where they are kept and for how long.

What it checks: a procedure declares at least one record to keep, and every record has a
``place`` and a ``retention`` (``permanent``, ``10y``, ``6m``).
Why it matters: TCVN ISO 9001:2015 7.5.3 asks for the retention and disposition of
documented information; section 7 of the procedure document (Hồ sơ cần lưu) lists them.
Flagged: ``<record id="so-dang-ky">Sổ đăng ký</record>`` with no retention.
Accepted: ``<record id="so-dang-ky" place="UBND xã" retention="permanent">...</record>``.
Fix: add the place and the retention the sector's archive rules set.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import N_
from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("Q002", "record-retention", Severity.WARNING, __doc__)
_EXAMPLE = {"place": 'place="Bộ phận Một cửa"', "retention": 'retention="10y"'}
#: What a record may lack, in words (translated where it is shown).
_MISSING = {"place": N_("place"), "retention": N_("retention")}


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if (process.records or process.kind != "process") and all(r.place and r.retention for r in process.records):
        return ()  # every record says where and how long
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    if process.kind == "process" and not process.records:
        yield rule.at(process.location, _("procedure {code!r} declares no records to keep").format(code=process.code),
                      hint=_("add <records> with each record's place and retention"))
    for record in process.records:
        missing = [name for name, value in (("place", record.place), ("retention", record.retention)) if not value]
        if missing:
            yield rule.at(record, _("record {record!r} has no {missing}").format(
                record=record.id, missing=_(" and no ").join(_(_MISSING[m]) for m in missing)),
                          hint=_("for example {example}").format(example=" ".join(_EXAMPLE[m] for m in missing)))
