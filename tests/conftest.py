"""Shared helpers: a small clean flow to derive test cases from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PROCESSES = ROOT / "processes"
# The tests read isoflow's English output unless they ask for a language (--lang, or an env of
# their own): a developer's vi_VN locale must not change what they compare (issue 17).
os.environ["ISOFLOW_LANG"] = "en"

FLOW = """<?xml version="1.0" encoding="UTF-8"?>
<flow xmlns="urn:isoflow:process:1" code="TEST-FLOW" revision="1">
  <title>Luồng thử</title>
  <roles>
    <role id="mot-cua">Công chức một cửa</role>
    <role id="chuyen-vien">Chuyên viên</role>
    <role id="lanh-dao">Lãnh đạo</role>
  </roles>
  <units>
    <unit id="bpmc" kind="one-stop">Bộ phận Một cửa</unit>
    <unit id="phong" kind="department">Phòng chuyên môn</unit>
  </units>
  <fields>
    <field id="du_dieu_kien" type="bool"/>
  </fields>
  <states>
    <state id="tiep_nhan" initial="true" unit="bpmc" role="mot-cua" budget="4h"/>
    <state id="tham_dinh" unit="phong" role="chuyen-vien" budget="1d"/>
    <state id="ky_duyet" unit="phong" role="lanh-dao" budget="4h"/>
    <state id="da_tra" kind="final" outcome="granted"/>
    <state id="tu_choi" kind="final" outcome="refused"/>
  </states>
  <actions>
    <action id="chuyen" from="tiep_nhan" to="tham_dinh" roles="mot-cua"/>
    <action id="trinh" from="tham_dinh" to="ky_duyet" roles="chuyen-vien" duty="prepare"/>
    <action id="ky" from="ky_duyet" to="da_tra" roles="lanh-dao" duty="approve" when="du_dieu_kien"/>
    <action id="ky" from="ky_duyet" to="tu_choi" roles="lanh-dao" duty="approve" when="not du_dieu_kien"/>
  </actions>
</flow>
"""


@pytest.fixture
def flow_file(tmp_path: Path) -> Path:
    """A clean flow on disk; tests edit its text to make the case they need."""
    path = tmp_path / "flow.xml"
    path.write_text(FLOW, encoding="utf-8")
    return path


# -- the văn thư features' steps (issue 15): features/van-thu/ runs with tests/test_features.py ---
def pytest_configure(config: pytest.Config) -> None:
    import importlib

    steps = importlib.import_module("tests.documents.van_thu_steps")
    if not config.pluginmanager.is_registered(steps):
        config.pluginmanager.register(steps, "tests.documents.van_thu_steps")
