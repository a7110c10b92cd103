"""Every procedure's feature file runs against the real engine, as part of the suite."""

from pathlib import Path

from pytest_bdd import scenarios

scenarios(str(Path(__file__).resolve().parents[1] / "features"))


def test_every_procedure_has_a_feature() -> None:
    """Each shipped procedure is specified by at least one feature that puts it in force."""
    import re

    from isoflow.workspace import load_runnable

    root = Path(__file__).resolve().parents[1]
    codes = {d.code for d in load_runnable([root / "processes"])}
    named = {m for p in (root / "features").rglob("*.feature")
             for m in re.findall(r'quy trình "([^"]+)" đang có hiệu lực', p.read_text(encoding="utf-8"))}
    assert codes <= named, f"procedures without a feature: {sorted(codes - named)}"
    assert len(codes) >= 16
