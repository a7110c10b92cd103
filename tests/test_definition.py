"""Merging a procedure with the flow it extends, and the model's own arithmetic."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from isoflow.loading.loader import load_bytes
from isoflow.model.definition import Duration, ProcessDefinition, extend, revised
from tests.conftest import FLOW


def load(text: str, name: str = "p.xml") -> ProcessDefinition:
    result = load_bytes(text.encode("utf-8"), name)
    assert result.definition is not None, [str(f) for f in result.findings]
    return result.definition


DERIVED = """<flow xmlns="urn:isoflow:process:1" code="DERIVED" revision="1">
  <title>Con</title>
  <roles><role id="van-thu">Văn thư</role></roles>
  <states>
    <state id="tham_dinh" budget="2d"/>
    <state id="ky_duyet" remove="true"/>
    <state id="khong_co" remove="true"/>
  </states>
  <actions>
    <action id="trinh" from="tham_dinh" to="da_tra"/>
    <action id="chuyen" from="tiep_nhan" roles="van-thu"/>
  </actions>
</flow>"""


def test_restated_element_changes_only_what_it_states() -> None:
    merged = extend(load(FLOW, "flow.xml"), load(DERIVED, "derived.xml"))
    tham_dinh = merged.state_by_id["tham_dinh"]
    assert tham_dinh.budget == Duration(Decimal(2), "d")
    assert (tham_dinh.unit, tham_dinh.role) == ("phong", "chuyen-vien")
    assert tham_dinh.location.file == "derived.xml"
    assert merged.state_by_id["tiep_nhan"].location.file == "flow.xml"


def test_remove_drops_and_unknown_removals_are_kept_for_reporting() -> None:
    merged = extend(load(FLOW, "flow.xml"), load(DERIVED, "derived.xml"))
    assert "ky_duyet" not in merged.state_by_id
    assert [n.id for n in merged.dangling_removals] == ["khong_co"]


def test_actions_match_by_id_source_and_target() -> None:
    merged = extend(load(FLOW, "flow.xml"), load(DERIVED, "derived.xml"))
    trinh = [(a.source, a.target) for a in merged.actions if a.id == "trinh"]
    assert trinh == [("tham_dinh", "ky_duyet"), ("tham_dinh", "da_tra")]
    chuyen = [a for a in merged.actions if a.id == "chuyen"]
    assert len(chuyen) == 1
    assert chuyen[0].roles == ("van-thu",)
    assert chuyen[0].target == "tham_dinh"


def test_durations_convert_with_hours_per_day() -> None:
    assert Duration.parse("0.5d").hours(Decimal(8)) == Decimal(4)
    assert Duration.parse("3h").hours(Decimal(8)) == Decimal(3)
    assert str(Duration.parse("1.50d")) == "1.5d"


def test_every_node_knows_where_it_is(tmp_path: Path) -> None:
    definition = load(FLOW, "flow.xml")
    state = definition.state_by_id["tham_dinh"]
    assert (state.location.line, state.location.column) == (18, 5)
    assert state.location.of("budget").line == 18
    assert FLOW.splitlines()[17][state.location.of("budget").column - 1:].startswith('1d"')


def test_the_procedure_section_is_read_whole() -> None:
    from lxml import etree

    from tests.conftest import PROCESSES

    path = PROCESSES / "dang-ky-ket-hon.xml"
    procedure = load(path.read_text(encoding="utf-8"), str(path)).procedure
    assert procedure is not None
    tree = etree.parse(str(path))
    ns = {"p": "urn:isoflow:process:1"}

    def count(xpath: str) -> int:
        return int(tree.xpath(f"count({xpath})", namespaces=ns))

    assert len(procedure.references) == count("//p:procedure/p:references/p:ref") > 0
    assert len(procedure.terms) == count("//p:procedure/p:terms/p:term") > 0
    assert len(procedure.legal_basis) == count("//p:procedure/p:legal-basis/p:act") > 0
    assert len(procedure.components) == count("//p:procedure/p:components/p:component") > 0
    assert procedure.titles == {"vi": "Đăng ký kết hôn", "en": "Marriage registration"}
    assert (procedure.agency, procedure.domain, procedure.level) == ("Ủy ban nhân dân xã", "Hộ tịch", "commune")
    assert procedure.purpose
    assert procedure.scope
    limit = procedure.time_limit
    assert (limit.same_day, limit.working_days, limit.cutoff, limit.kind) == (True, None, "15:00", "same-day")
    (case,) = limit.cases
    assert (case.when, case.working_days, case.kind, case.text) == (
        "can_xac_minh", Decimal(5), "working-days", "Trường hợp cần xác minh điều kiện kết hôn của hai bên nam, nữ")
    assert case.basis == "Luật Hộ tịch 60/2014/QH13, Điều 18 khoản 2"
    assert procedure.online_level == "partial"
    assert procedure.fee_amount == 0
    assert procedure.place_receipt.startswith("Trung tâm Phục vụ hành chính công xã")


def test_comments_and_processing_instructions_inside_sections_change_nothing() -> None:
    """The builder tells elements from comments and processing instructions by their class."""
    plain = load(FLOW, "flow.xml")
    noisy = FLOW
    for section in ("roles", "fields", "forms", "states", "actions", "records"):
        noisy = noisy.replace(f"<{section}>", f"<{section}><!-- ghi chú --><?isoflow note?>", 1)
        noisy = noisy.replace(f"</{section}>", f"<!-- cuối -->\n  </{section}>", 1)
    noisy = noisy.replace("<state ", "<!-- bước -->\n    <state ", 1)
    assert noisy != FLOW
    commented = load(noisy, "flow.xml")
    for name in ("roles", "fields", "forms", "states", "actions", "records"):
        assert [n.id for n in getattr(commented, name)] == [n.id for n in getattr(plain, name)], name
        assert getattr(commented, name) == tuple(
            revised(n, location=m.location)
            for n, m in zip(getattr(plain, name), getattr(commented, name), strict=True)), name
