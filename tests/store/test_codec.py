"""The row codec: hashes stay what every release wrote, bodies are the hashed text."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import datetime

from isoflow.model.dossier import (
    GENESIS,
    Event,
    canonical_json,
    dossier_to_json,
    event_hash,
    event_to_json,
    seal,
    verify_chain,
)
from isoflow.store import _common
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
    text = _common.event_json_text(event)
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
    text = _common.dossier_json_text(dossier)
    assert text.startswith(f'{{"schema":{BODY_SCHEMA},')
    assert json.loads(text) == {"schema": BODY_SCHEMA, **dossier_to_json(dossier)}
    assert _common.load_dossier(text, dossier.code) == dossier
