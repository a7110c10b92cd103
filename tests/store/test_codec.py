"""The row codec: hashes stay what every release wrote, bodies are the hashed text."""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal

import msgspec
import pytest
from msgspec.structs import replace

from isoflow.model.dossier import GENESIS, Event, dossier_to_json, event_to_json
from isoflow.store import codec
from isoflow.store.codec import canonical_json, event_hash, seal, verify_chain
from isoflow.store.schema import BODY_SCHEMA
from tests.store._helpers import move, new_dossier


def _released_hash(event: Event) -> str:
    """The hash as the first release computed it (a change here breaks every stored chain)."""
    body = event_to_json(event)
    del body["hash"]
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def test_sealed_hashes_are_the_released_ones() -> None:
    dossier, events = new_dossier("H56-260205-0001")
    _, more = move(dossier, "tham_dinh", count=3, at=datetime(2026, 2, 5, 9, 15, 30, 123456))
    for event in [*events, *more]:
        assert event.hash == _released_hash(event) == event_hash(event)
    assert verify_chain([*events, *more]) == []


def test_an_event_body_is_its_hashed_text_plus_schema_and_hash() -> None:
    _, [event] = new_dossier("H56-260205-0001")
    text = codec.event_body(event)
    assert json.loads(text) == {"schema": BODY_SCHEMA, **event_to_json(event)}
    assert text == f'{{"schema":{BODY_SCHEMA},{canonical_json(event)[1:-1]},"hash":"{event.hash}"}}'
    assert hashlib.sha256(canonical_json(event).encode("utf-8")).hexdigest() == event.hash


def test_a_rebuilt_event_is_encoded_again() -> None:
    _, [event] = new_dossier("H56-260205-0001")
    edited = replace(event, comment="sửa sau khi niêm phong")
    assert canonical_json(edited) != canonical_json(event)
    assert json.loads(canonical_json(edited))["comment"] == "sửa sau khi niêm phong"
    [resealed] = seal([edited], GENESIS)
    assert resealed.hash == _released_hash(resealed) != event.hash


def test_a_dossier_body_is_its_json_with_the_schema() -> None:
    dossier, _ = new_dossier("H56-260205-0001")
    text = codec.dossier_body(dossier)
    assert text.startswith(f'{{"schema":{BODY_SCHEMA},')
    assert json.loads(text) == {"schema": BODY_SCHEMA, **dossier_to_json(dossier)}
    assert codec.read_dossier(text, dossier.code) == dossier


# -- bodies written before the codec moved to msgspec (isoflow 8a0f9bb): they still verify --------

#: A row and its event as the standard-library codec wrote them: plain values only (the fast path).
LEGACY_PLAIN = (
    '{"schema":1,"last_hash":"e97ed2a4e73f077502451122a8b73ae06b7f6ebbd61a41909dd574e93525861b","applicant":{"id":'
    '"038190000123","name":"Nguyễn Thị Ánh","phone":"0912345678"},"channel":"online","clock":{"due_at":'
    '"2026-02-10T08:30:00","extensions":0,"paused_at":null,"started_at":"2026-02-05T08:30:00","supplements":0,'
    '"waited_s":0},"closed_at":null,"code":"000.17.22.H56-260205-0003","data":{"ghi\xa0chú":"dòng 1\\ndòng '
    '\\"2\\"\\t\\u0001 \u2028 😀","giấy_tờ":[{"bản":"chính","tên":"Tờ khai"}],"ho_ten":"Nguyễn Thị Ánh","khẩn":'
    'false,"số_bản":100000000000000000000},"form_set":"01/2018","last_event_at":null,"measures":{"handovers":1,'
    '"worst_step":"early"},"outcome":null,"preparers":["cv02"],"process_code":"1.001193","received_at":'
    '"2026-02-05T08:30:00","receiving_unit":"000.17.22.H56","reminded":[],"revision":3,"state":"tiep_nhan",'
    '"status":1,"step":{"due_at":"2026-02-05T12:30:00","entered_at":"2026-02-05T08:30:00","state":"tiep_nhan"},'
    '"version":1}',
    '{"schema":1,"action":null,"actor":"mc01","at":"2026-02-05T08:30:00","comment":"Tiếp nhận hồ sơ đăng ký khai '
    'sinh","data":{"ho_ten":"Nguyễn Thị Ánh","so_luong":2},"dossier":"000.17.22.H56-260205-0003","from_unit":null,'
    '"kind":"received","prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","receiver":'
    'null,"role":"mot-cua","row_hash":"557de387fa64f61fafcbc2be232e90ed9e57b608ee4eaf3b95c1e3ea20e33e0e","seq":1,'
    '"source":null,"status":1,"target":"tiep_nhan","to_unit":"bpmc","hash":'
    '"e97ed2a4e73f077502451122a8b73ae06b7f6ebbd61a41909dd574e93525861b"}',
)
#: The same with floats (1e+16 and -0.0 stored as jsonb gives them back, 1e-07 in an event).
LEGACY_FLOATS = (
    '{"schema":1,"last_hash":"9808d9c91a17b557bbb9827c80190075b0d10d391801d69d6f262938d9e69765","applicant":{"id":'
    '"038190000123","name":"Nguyễn Thị Ánh","phone":"0912345678"},"channel":"online","clock":{"due_at":'
    '"2026-02-10T08:30:00","extensions":0,"paused_at":null,"started_at":"2026-02-05T08:30:00","supplements":0,'
    '"waited_s":0},"closed_at":null,"code":"000.17.22.H56-260205-0001","data":{"diện_tích":10000000000000000,'
    '"ghi\xa0chú":"dòng 1\\ndòng \\"2\\"\\t\\u0001","giấy_tờ":[{"bản":"chính","số":1,"tên":"Tờ khai"}],"ho_ten":'
    '"Nguyễn Thị Ánh","hệ_số":0.125,"khẩn":false,"phí":8000.5,"tỉ_lệ":0.0,"địa_chỉ":{"tỉnh":"Thanh Hóa","xã":'
    '"Phường Điện Biên"}},"form_set":"01/2018","last_event_at":null,"measures":{},"outcome":null,"preparers":'
    '["cv02"],"process_code":"1.001193","received_at":"2026-02-05T08:30:00","receiving_unit":"000.17.22.H56",'
    '"reminded":[],"revision":3,"state":"tiep_nhan","status":1,"step":{"due_at":"2026-02-05T12:30:00",'
    '"entered_at":"2026-02-05T08:30:00","state":"tiep_nhan"},"version":1}',
    '{"schema":1,"action":null,"actor":"mc01","at":"2026-02-05T08:30:00","comment":"Tiếp nhận hồ sơ đăng ký khai '
    'sinh","data":{"ho_ten":"Nguyễn Thị Ánh","lớn":10000000000000000000000000,"mũ":1e-07,"phí":8000.25,'
    '"so_luong":2},"dossier":"000.17.22.H56-260205-0001","from_unit":null,"kind":"received","prev_hash":'
    '"0000000000000000000000000000000000000000000000000000000000000000","receiver":null,"role":"mot-cua",'
    '"row_hash":"66e1479e38b42efe0881444e78ece1ac17305b4d25a0b0182549109457aca61c","seq":1,"source":null,'
    '"status":1,"target":"tiep_nhan","to_unit":"bpmc","hash":'
    '"9808d9c91a17b557bbb9827c80190075b0d10d391801d69d6f262938d9e69765"}',
)


@pytest.mark.parametrize("legacy", [LEGACY_PLAIN, LEGACY_FLOATS], ids=["plain", "floats"])
def test_bodies_written_by_the_standard_library_codec_still_verify(legacy: tuple[str, str]) -> None:
    row, body = legacy
    code = json.loads(row)["code"]
    dossier, event = codec.read_dossier(row, code), codec.read_event(body, code, 1)
    assert verify_chain([event], dossier.last_hash, dossier.version) == []
    assert codec.row_digest(dossier) == event.row_hash
    assert codec.row_problems(dossier, [event]) == []
    # Re-encoded, they are the very texts that were stored: a write of them changes no byte.
    assert codec.dossier_body(dossier) == row
    assert codec.event_body(event) == body


# -- msgspec writes the standard library's bytes wherever the codec lets it ----------------------

_STDLIB = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode
_FAST = msgspec.json.Encoder(order="sorted").encode

PLAIN_VALUES = [
    {"b": 1, "a": 2, "ă": 3, "Đ": 4, "đ": 5, "z": 6, "\U0001f600": 7, "\uffff": 8, "": 9},
    "\x00\x01\x1f\x7f\x80\xa0\u2028\u2029\"\\/\b\f\n\r\t\ufeff",
    [2**63 - 1, 2**63, 2**64, -(2**63), -(2**64) - 1, 10**30, 0, -1, True, False, None],
    {"x": {"b": 1, "a": [{"d": 1, "c": (2, "ba")}]}, "y": []},
    "Nguyễn Thị Ánh — Phường Điện Biên, tỉnh Thanh Hóa",
]


@pytest.mark.parametrize("value", PLAIN_VALUES)
def test_the_fast_encoder_writes_the_standard_library_bytes_for_plain_values(value: object) -> None:
    assert _FAST(value) == _STDLIB(value).encode("utf-8")


def test_the_fast_encoder_agrees_on_every_code_point() -> None:
    text = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    assert _FAST(text) == _STDLIB(text).encode("utf-8")
    assert _FAST({text[:5000]: text[-5000:]}) == _STDLIB({text[:5000]: text[-5000:]}).encode("utf-8")


class _Kind(enum.Enum):
    A = "a"


@pytest.mark.parametrize("value", [1e16, 1e-07, -0.0, 0.5, float("nan"), Decimal("1.50"), date(2026, 2, 5),
                                   datetime(2026, 2, 5, 8, 30), _Kind.A, {1: "int key"}, {"set": {1}},
                                   b"bytes"], ids=repr)
def test_anything_else_is_hashed_by_the_standard_library(value: object) -> None:
    _, [event] = new_dossier("H56-260205-0001")
    [sealed] = seal([replace(event, data={"v": value})], GENESIS)
    assert sealed.hash == _released_hash(sealed) == event_hash(sealed)
