"""Keep isoflow's message catalogues current (needs Babel: pip install babel).

    python scripts/update_catalogue.py           # template from the code, .po updated, .mo compiled
    python scripts/update_catalogue.py --check   # exit 1 if anything would change (CI, tests)

The template holds every ``_()``, ``N_()`` and ``n_()`` message of ``src/isoflow`` and the one-line
summary of every rule (``isoflow rules`` prints them translated); the Vietnamese ``.po`` is
updated from it (new messages untranslated, so the test that wants each one translated fails
until someone writes it) and compiled to the ``.mo`` the package reads at run time.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "isoflow"
LOCALE = PACKAGE / "locale"
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2)}


def template() -> Catalog:
    """The messages of the code and the rules' summaries, without locations (stable diffs)."""
    sys.path.insert(0, str(ROOT / "src"))
    from isoflow.validation.rules import ALL_RULES

    catalog = Catalog(project="isoflow", fuzzy=False)
    for _, _, message, _, _ in extract_from_dir(str(PACKAGE), keywords=KEYWORDS, comment_tags=()):
        catalog.add(message)
    for rule in ALL_RULES:
        catalog.add(rule.summary, auto_comments=[f"summary of rule {rule.code} {rule.name}"])
    return catalog


def _po(catalog: Catalog, header: bool = True) -> bytes:
    """The .po text; the header (which carries Plural-Forms) with fixed dates, so that only a
    change of the messages changes the file."""
    catalog.creation_date = catalog.revision_date = datetime(2026, 1, 1, tzinfo=UTC)
    catalog.fuzzy = False
    out = io.BytesIO()
    write_po(out, catalog, omit_header=not header, no_location=True, sort_output=True, width=100)
    return out.getvalue()


def _mo(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def updated(language: str) -> dict[Path, bytes]:
    """Each file of the catalogue as it should be: the template, the language's .po and .mo."""
    pot = template()
    po_path = LOCALE / language / "LC_MESSAGES" / "isoflow.po"
    with po_path.open("rb") as handle:
        po = read_po(handle, locale=language)
    po.project, po.version = "isoflow", ""
    po.language_team = po.last_translator = "isoflow developers"
    po.update(pot, no_fuzzy_matching=True)
    po.obsolete.clear()
    return {LOCALE / "isoflow.pot": _po(pot, header=False), po_path: _po(po), po_path.with_suffix(".mo"): _mo(po)}


def main(argv: list[str]) -> int:
    stale = []
    for path, data in updated("vi").items():
        if not path.exists() or path.read_bytes() != data:
            stale.append(path)
            if "--check" not in argv:
                path.write_bytes(data)
    for path in stale:
        print(f"{path.relative_to(ROOT)}: {'out of date' if '--check' in argv else 'updated'}")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
