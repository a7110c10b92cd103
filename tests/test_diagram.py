"""Flowcharts: Mermaid text and a standalone SVG drawn from a merged procedure."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from isoflow.loading.loader import load_bytes
from isoflow.model.definition import Action, Duration, ProcessDefinition, State, revised
from isoflow.paper.flowchart import edge_text, flowchart_mermaid, flowchart_svg, short_label
from isoflow.workspace import load_runnable
from tests.conftest import PROCESSES

SVG = "{http://www.w3.org/2000/svg}"

SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<flow xmlns="urn:isoflow:process:1" code="SO-DO" revision="1">
  <title>Sơ đồ thử</title>
  <roles><role id="mot-cua">Công chức một cửa</role><role id="lanh-dao">Lãnh đạo</role></roles>
  <states>
    <state id="tiep-nhan" initial="true" role="mot-cua" budget="4h"><label>Tiếp nhận "hồ sơ"</label></state>
    <state id="cho_bo-sung" kind="waiting" role="mot-cua"><label>Chờ bổ sung</label></state>
    <state id="ký" role="lanh-dao" budget="1.5d"><label>Ký &amp; duyệt &lt;kết quả&gt;</label></state>
    <state id="xong" kind="final" outcome="granted"><label>Đã trả kết quả</label></state>
    <state id="tu-choi" kind="final" outcome="refused"><label>Từ chối</label></state>
  </states>
  <actions>
    <action id="chuyen" from="tiep-nhan" to="ký"><label>Chuyển ký</label></action>
    <action id="bo_sung" from="tiep-nhan" to="cho_bo-sung"><label>Yêu cầu bổ sung # 1</label></action>
    <action id="nop" from="cho_bo-sung" to="tiep-nhan"><label>Nộp bổ sung</label></action>
    <action id="gia_han" from="ký" to="ký"><label>Gia hạn</label></action>
    <action id="ky" from="ký" to="xong"><label>Ký</label></action>
    <action id="ky" from="ký" to="tu-choi"><label>Từ chối</label></action>
  </actions>
</flow>"""

GOLDEN = """flowchart TD
    %% SO-DO: Sơ đồ thử
    s0(["Tiếp nhận #quot;hồ sơ#quot;"])
    s1("Chờ bổ sung")
    s2("Ký #amp; duyệt #lt;kết quả#gt;")
    s3((("Đã trả kết quả")))
    s4((("Từ chối")))
    s0 -->|"Chuyển ký"| s2
    s0 -->|"Yêu cầu bổ sung #35; 1"| s1
    s1 -->|"Nộp bổ sung"| s0
    s2 -->|"Gia hạn"| s2
    s2 -->|"Ký"| s3
    s2 -->|"Từ chối"| s4
    classDef initial stroke-width:2px
    class s0 initial
    classDef waiting stroke-dasharray:5 3
    class s1 waiting
    classDef granted fill:#e3f1e0,stroke:#2e7d32
    class s3 granted
    classDef refused fill:#fbe3e4,stroke:#b02a37
    class s4 refused
"""


def load(text: str) -> ProcessDefinition:
    result = load_bytes(text.encode("utf-8"), "so-do.xml")
    assert result.definition is not None, [str(f) for f in result.findings]
    return result.definition


@pytest.fixture(scope="module")
def procedures() -> dict[str, ProcessDefinition]:
    return {d.code: d for d in load_runnable([PROCESSES])}


def parse(svg: str) -> ET.Element:
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    root = ET.fromstring(svg.encode("utf-8"))  # noqa: S314 - isoflow's own output, no DTD or entities
    assert root.tag == f"{SVG}svg"
    return root


def box_texts(root: ET.Element) -> dict[str, str]:
    """Each state's label as drawn: its wrapped lines joined again."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "state":
            label = next(t for t in group.iter(f"{SVG}text") if t.get("class") == "label")
            found[group.findtext(f"{SVG}title") or ""] = " ".join(s.text or "" for s in label.iter(f"{SVG}tspan"))
    return found


def groups(root: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == kind]


def test_mermaid_golden_on_a_small_flow() -> None:
    assert flowchart_mermaid(load(SMALL)) == GOLDEN


@pytest.mark.parametrize("code", ["QT-HT-02", "QT-HT-05", "QT-CT-01", "QT-DKKD-01"])
def test_mermaid_has_every_state_and_action(procedures: dict[str, ProcessDefinition], code: str) -> None:
    definition = procedures[code]
    text = flowchart_mermaid(definition)
    nodes = re.findall(r"^    (s\d+)[(\[]", text, re.M)
    assert nodes == [f"s{i}" for i in range(len(definition.states))]
    assert len(re.findall(r"^    s\d+ -->\|\"[^\"\n]*\"\| s\d+$", text, re.M)) == len(definition.actions)
    assert flowchart_mermaid(definition) == text


@pytest.mark.parametrize("code", ["QT-HT-02", "QT-HT-05", "QT-CT-01", "QT-DKKD-01"])
def test_svg_of_real_procedures(procedures: dict[str, ProcessDefinition], code: str) -> None:
    definition = procedures[code]
    svg = flowchart_svg(definition)
    root = parse(svg)
    assert root.get("version") == "1.1"
    assert re.fullmatch(r"[-\d.]+ [-\d.]+ [\d.]+ [\d.]+", root.get("viewBox") or "")
    assert float((root.get("width") or "").removesuffix("px")) <= 700
    assert root.get("font-family") == "Times New Roman, Liberation Serif, Tinos, serif"
    assert box_texts(root) == {s.id: s.label for s in definition.states}
    assert len(groups(root, "edge")) == len(definition.actions)
    for absent in ("href", "<script", "<style", "@import"):
        assert absent not in svg
    assert flowchart_svg(definition) == svg


def test_svg_boxes_show_role_and_vietnamese_budget(procedures: dict[str, ProcessDefinition]) -> None:
    root = parse(flowchart_svg(procedures["QT-HT-02"]))
    metas = [" ".join(s.text or "" for s in t.iter(f"{SVG}tspan"))
             for t in root.iter(f"{SVG}text") if t.get("class") == "meta"]
    assert "Công chức Tư pháp - Hộ tịch\u00a0·\u00a03\u00a0ngày" in metas
    assert any(m.endswith("2\u00a0giờ") for m in metas)
    flow = load(SMALL)
    metas = [" ".join(s.text or "" for s in t.iter(f"{SVG}tspan"))
             for t in parse(flowchart_svg(flow)).iter(f"{SVG}text") if t.get("class") == "meta"]
    assert "Lãnh đạo\u00a0·\u00a01,5\u00a0ngày" in metas


def test_hostile_labels_come_out_as_text(procedures: dict[str, ProcessDefinition]) -> None:
    definition = procedures["QT-HT-02"]
    hostile = '<script>alert("x")</script> & ]]> \'quoted\''
    states = (revised(definition.states[0], labels={"vi": hostile}), *definition.states[1:])
    actions = (revised(definition.actions[0], labels={"vi": "<b>&amp;</b>"}), *definition.actions[1:])
    definition = dataclasses.replace(definition, states=states, actions=actions)
    svg = flowchart_svg(definition)
    assert "<script" not in svg
    assert "<b>" not in svg
    root = parse(svg)
    assert box_texts(root)[definition.states[0].id] == hostile
    assert any("".join(t.itertext()).startswith("<b>&amp;</b>") for t in root.iter(f"{SVG}text"))
    mermaid = flowchart_mermaid(definition)
    assert "<script" not in mermaid
    assert "#lt;script#gt;alert(#quot;x#quot;)" in mermaid


def test_no_initial_state_is_refused() -> None:
    flow = load(SMALL)
    states = tuple(revised(s, initial=False) for s in flow.states)
    with pytest.raises(ValueError, match="no initial state"):
        flowchart_svg(dataclasses.replace(flow, states=states))


def test_self_loops_parallel_edges_and_unreachable_states() -> None:
    flow = load(SMALL)
    extra = State(id="mo_coi", location=flow.location, labels={"vi": "Bước không tới được"})
    actions = (*flow.actions,
               Action(id="gia_han_2", location=flow.location, source="ký", target=None, labels={"vi": "Gia hạn lần 2"}),
               Action(id="chuyen_gap", location=flow.location, source="tiep-nhan", target="ký", labels={"vi": "Gấp"}))
    definition = dataclasses.replace(flow, states=(*flow.states, extra), actions=actions)
    root = parse(flowchart_svg(definition))
    assert len(groups(root, "edge")) == len(actions)
    paths = [g.find(f"{SVG}path") for g in groups(root, "edge")]
    assert len({p.get("d") for p in paths if p is not None}) == len(actions), "parallel edges and loops are apart"
    assert box_texts(root)["mo_coi"] == "Bước không tới được"
    state_y = {g.findtext(f"{SVG}title"): float(g.find(f"{SVG}rect").get("y") or 0)  # type: ignore[union-attr]
               for g in groups(root, "state")}
    assert state_y["mo_coi"] == max(state_y.values())
    assert re.search(r"s2 -->\|\"Gia hạn lần 2\"\| s2", flowchart_mermaid(definition))


def test_many_states_stay_readable() -> None:
    flow = load(SMALL)
    steps = [State(id=f"b{i}", location=flow.location, role="mot-cua", budget=Duration(Decimal(2), "h"),
                   initial=i == 0, labels={"vi": f"Bước {i}: xử lý hồ sơ và chuyển bước tiếp theo"}) for i in range(22)]
    finals = [State(id=f"k{o}", location=flow.location, kind="final", outcome=o, labels={"vi": o})
              for o in ("granted", "refused", "withdrawn", "stopped")]
    actions = [Action(id=f"a{i}", location=flow.location, source=f"b{i}", target=f"b{i + 1}") for i in range(21)]
    actions += [Action(id="xong", location=flow.location, source="b21", target="kgranted"),
                Action(id="lui", location=flow.location, source="b15", target="b3"),
                *(Action(id=f"r{i}", location=flow.location, source=f"b{i}", target="krefused")
                  for i in range(0, 22, 5))]
    definition = dataclasses.replace(flow, states=(*steps, *finals), actions=tuple(actions))
    root = parse(flowchart_svg(definition))
    assert len(groups(root, "edge")) == len(actions)
    assert len(box_texts(root)) == 26
    rects = [[float(r.get(k) or 0) for k in ("x", "y", "width", "height")]
             for g in groups(root, "state") for r in g.findall(f"{SVG}rect")]
    for (x1, y1, w1, h1), (x2, y2, w2, h2) in ((a, b) for i, a in enumerate(rects) for b in rects[i + 1:]):
        assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1, "boxes overlap"


def test_short_labels_keep_the_gist() -> None:
    assert short_label("Hồ sơ đầy đủ: tiếp nhận, lập Giấy tiếp nhận và hẹn trả kết quả, Phiếu kiểm soát") == \
        "Hồ sơ đầy đủ"
    assert short_label("Ký, ghi rõ họ tên vào lời chứng") == "Ký, ghi rõ họ tên vào lời chứng"
    long = short_label("Bàn giao hồ sơ giấy và điện tử cho phòng chuyên môn và các cơ quan khác có liên quan")
    assert long.endswith("…")
    assert len(long) <= 41


def test_each_arrow_shows_its_condition(procedures: dict[str, ProcessDefinition]) -> None:
    """As modelers draw it: the label, then the guard that leads this way, or 'otherwise' on the
    default of several alternatives; an unguarded arrow is its label alone."""
    definition = procedures["QT-HT-02"]
    guarded = next(a for a in definition.actions if a.when)
    plain = next(a for a in definition.actions if not a.when and not a.default)
    assert edge_text(guarded).endswith(f" [{' '.join(guarded.when.split())}]") or "…]" in edge_text(guarded)
    assert "[" not in edge_text(plain)
    default = revised(plain, default=True)
    assert edge_text(default).endswith(" [trường hợp khác]")
    assert edge_text(default, "en").endswith(" [otherwise]")
    svg_text = " ".join("".join(t.itertext()) for t in parse(flowchart_svg(definition)).iter(f"{SVG}text"))
    assert "[" + guarded.when.split()[0] in " ".join(svg_text.split())
    assert f"[{guarded.when.split()[0]}" in flowchart_mermaid(definition)
