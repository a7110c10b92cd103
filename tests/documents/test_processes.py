"""The two document chains are processes in isoflow's language, validated clean, and the one
extension they need (``<number>``) is checked like any other reference."""

from __future__ import annotations

from pathlib import Path

from isoflow.running.compiler import compile_process
from isoflow.workspace import load_runnable, validate_paths

ROOT = Path(__file__).resolve().parents[2]


def test_both_chains_validate_clean() -> None:
    report = validate_paths([ROOT / "processes" / "van-ban-den.xml", ROOT / "processes" / "van-ban-di.xml"])
    assert [str(f) for f in report.findings] == []


def test_the_number_an_action_takes_is_required_by_the_compiled_action() -> None:
    compiled = {d.code: compile_process(d) for d in load_runnable([ROOT / "processes"])}
    incoming, outgoing = compiled["QT-VT-01"], compiled["QT-VT-02"]
    register = next(a for a in incoming.actions["tiep_nhan"] if a.id == "vao_so")
    assert register.action.number is not None
    assert (register.action.number.register, register.action.number.field) == ("incoming", "so_den")
    assert "so_den" in register.requires
    number = next(a for a in outgoing.actions["cap_so"] if a.id == "cap_so")
    assert number.action.number is not None
    assert number.action.number.register == "outgoing"
    assert number.requires == ("so",)


def test_a_number_into_an_undeclared_field_is_s003(tmp_path: Path) -> None:
    text = (ROOT / "processes" / "van-ban-di.xml").read_text(encoding="utf-8")
    (tmp_path / "x.xml").write_text(text.replace('field="so"/>', 'field="so_vb"/>'), encoding="utf-8")
    report = validate_paths([tmp_path / "x.xml"])
    messages = [f"{f.code} {f.message}" for f in report.findings]
    assert any(m.startswith("S003") and "'so_vb'" in m for m in messages), messages


def test_an_unknown_register_is_refused_by_the_schema(tmp_path: Path) -> None:
    text = (ROOT / "processes" / "van-ban-di.xml").read_text(encoding="utf-8")
    (tmp_path / "x.xml").write_text(text.replace('register="outgoing"', 'register="secret"'), encoding="utf-8")
    report = validate_paths([tmp_path / "x.xml"])
    assert any("secret" in f.message for f in report.findings)
