"""The JSON texts of dossier and event rows and the canonical texts their hashes cover, in one place.

Why one module: a hash is only as stable as the bytes it was taken of.  What an event's hash
covers (its canonical text), what a row digest covers (the row text), what a stored body is
(that text plus ``"schema"``) and how a body is read back (and refused when its schema is
unknown) are decided here and nowhere else; the model keeps the records and the chain's rules
(:func:`isoflow.model.dossier.chain`, :func:`~isoflow.model.dossier.verify_chain`) and is handed
the digests below.  Writers seal with :func:`seal_write` (the desk does): the store then writes
the very text that was hashed, found by the sealed object's identity, without encoding again.

The canonical text is what every release hashed: sorted keys, compact separators, non-ASCII as
is (``json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)``).
It is encoded by msgspec when the free-form values (``data``, ``applicant``, ``measures``) are
plain (text, int, bool, null, lists, text-keyed objects) and the typed fields are what the
records declare (text, int, null): for those msgspec writes the same bytes as the standard
library (tests compare them over every code point, integers past 64 bits, nesting, key order),
about ten times faster.  Anything else in the free-form values (a float, whose exponent form
differs; a date, a Decimal, an enum) sends the whole text through the standard library's
encoder exactly as before, so stored hashes keep verifying and a text read back encodes again
to the bytes that were hashed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import msgspec

from isoflow.errors import StoreError
from isoflow.model import dossier as model
from isoflow.model.dossier import Dossier, Event
from isoflow.store.schema import BODY_SCHEMA

__all__ = ["BODY_SCHEMA", "canonical_json", "dossier_body", "event_body", "event_digest", "event_hash",
           "read_dossier", "read_event", "row_digest", "row_problems", "row_text", "seal", "seal_write",
           "verify_chain"]

#: The standard library's encoders, built once (``json.dumps`` with options builds one per call).
#: The canonical one stringifies what is not JSON (``default=str``), as the first release did; the
#: row one has no ``default``: a value that is not JSON fails, as the dossier body always did.
_STD_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str,
                                  check_circular=False).encode
_STD_ROW = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_FAST = msgspec.json.Encoder(order="sorted").encode
_json_string = json.encoder.encode_basestring  # one str as a JSON string, ensure_ascii=False
_SCALARS = frozenset({str, int, bool, type(None)})
_CONTAINERS = frozenset({dict, list, tuple})
_PLAIN = _SCALARS | _CONTAINERS
_TEXT = frozenset({str})

#: Texts of the events and rows :func:`seal_write` made, by object: the store writes the very
#: text that was hashed.  Bounded; checked by identity, so a record built any other way (edited,
#: rebuilt, read back) is simply encoded again.
_SEALED: dict[int, tuple[Event, bytes]] = {}
_ROWS: dict[int, tuple[Dossier, bytes, str]] = {}
_REMEMBERED_MAX = 1024


def _plain(value: Any) -> bool:
    """Whether msgspec encodes ``value`` to the standard library's bytes: text, int, bool and null,
    in lists and text-keyed objects (the type tests run in C: ``map(type, ...)`` into a set)."""
    kind = type(value)
    if kind is dict:
        if not _TEXT.issuperset(map(type, value)):
            return False
        items: Iterable[Any] = value.values()
    elif kind is list or kind is tuple:
        items = value
    else:
        return kind in _SCALARS
    kinds = set(map(type, items))
    if kinds <= _SCALARS:
        return True
    return kinds <= _PLAIN and all(_plain(item) for item in items if type(item) in _CONTAINERS)


def _plain_event(content: dict[str, Any]) -> bool:
    # The typed fields are text, int or null by the record's types; ``data`` is anyone's.
    return _plain(content["data"])


def _plain_row(body: dict[str, Any]) -> bool:
    return _plain(body["data"]) and _plain(body["applicant"]) and _plain(body["measures"])


def _canonical(content: dict[str, Any]) -> bytes:
    return _FAST(content) if _plain_event(content) else _STD_CANONICAL(content).encode("utf-8")


def _event_content(event: Event, prev_hash: str, row_hash: str | None) -> dict[str, Any]:
    """What the hash covers: :func:`~isoflow.model.dossier.event_to_json` without ``hash``,
    chained after ``prev_hash`` (``row_hash`` only when set, so older events hash as they did)."""
    content = model.event_to_json(event)
    del content["hash"]
    content["prev_hash"] = prev_hash
    if row_hash is not None:
        content["row_hash"] = row_hash
    elif event.row_hash is not None:
        del content["row_hash"]
    return content


def _canonical_bytes(event: Event) -> bytes:
    recorded = _SEALED.get(id(event))
    if recorded is not None and recorded[0] is event:
        return recorded[1]
    return _canonical(_event_content(event, event.prev_hash, event.row_hash))


def canonical_json(event: Event) -> str:
    """The canonical text the event's hash covers (an event :func:`seal` made is not encoded again)."""
    return _canonical_bytes(event).decode("utf-8")


def event_digest(event: Event, prev_hash: str, row_hash: str | None) -> str:
    """SHA-256 (hex) of the canonical text of ``event`` chained after ``prev_hash``, recording
    ``row_hash`` (none if ``None``)."""
    return hashlib.sha256(_canonical(_event_content(event, prev_hash, row_hash))).hexdigest()


def event_hash(event: Event) -> str:
    """What ``event.hash`` must be: its digest after its own ``prev_hash``, with its own ``row_hash``."""
    return hashlib.sha256(_canonical_bytes(event)).hexdigest()


def _digest_of_own(event: Event, prev_hash: str, row_hash: str | None) -> str:
    # verify_chain asks with the event's own fields: the recorded text of a sealed event serves.
    if prev_hash == event.prev_hash and row_hash == event.row_hash:
        return event_hash(event)
    return event_digest(event, prev_hash, row_hash)


def _sealed(events: Sequence[Event], prev_hash: str, row_hash: str | None) -> list[Event]:
    """:func:`isoflow.model.dossier.chain`, remembering the text each sealed event's hash covers."""
    texts: list[bytes] = []

    def digest(event: Event, previous: str, recorded: str | None) -> str:
        text = _canonical(_event_content(event, previous, recorded))
        texts.append(text)
        return hashlib.sha256(text).hexdigest()

    sealed = model.chain(events, prev_hash, digest, row_hash)
    if len(_SEALED) >= _REMEMBERED_MAX:
        _SEALED.clear()
    for event, text in zip(sealed, texts, strict=True):
        _SEALED[id(event)] = (event, text)
    return sealed


def seal(events: Iterable[Event], prev_hash: str) -> list[Event]:
    """Chain ``events`` after ``prev_hash`` (each keeps the ``row_hash`` it has)."""
    return _sealed(list(events), prev_hash, None)


def _row_bytes(dossier: Dossier) -> bytes:
    body = model.dossier_to_json(dossier)
    del body["last_hash"]
    if _plain_row(body):
        return _FAST(body)
    text = _STD_ROW(body)
    # A float written with an exponent (1e+16) comes back from jsonb as an integer, and -0.0
    # as 0.0: such numbers are stored as jsonb would give them back, or the row would not
    # encode to the text its digest was taken of.  A cheap test on the text picks the rare
    # rows that need it (or that merely contain "e+" in a text).
    if "e+" in text or "-0.0" in text:
        text = _STD_ROW(_as_jsonb(body))
    return text.encode("utf-8")


def _as_jsonb(value: Any) -> Any:
    """``value`` with its floats as PostgreSQL's jsonb gives them back."""
    if isinstance(value, float):
        if value == 0.0:
            return 0.0
        shortest = repr(value)
        # The decimal the text spells, not the float's binary value: int(1e23) is ...91611392.
        return int(Decimal(shortest)) if "e+" in shortest else value
    if isinstance(value, dict):
        return {key: _as_jsonb(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_jsonb(item) for item in value]
    return value


def _recorded_row(dossier: Dossier) -> tuple[bytes, str] | None:
    recorded = _ROWS.get(id(dossier))
    if recorded is not None and recorded[0] is dossier:
        return recorded[1], recorded[2]
    return None


def row_text(dossier: Dossier) -> str:
    """The canonical text of the dossier row without ``last_hash`` (sorted keys, compact).

    ``last_hash`` is left out because it is the hash of the event that records this text's
    digest.  Keys are sorted so that a body read back from PostgreSQL's ``jsonb`` (which
    reorders keys) encodes to the same text.
    """
    recorded = _recorded_row(dossier)
    return (recorded[0] if recorded else _row_bytes(dossier)).decode("utf-8")


def row_digest(dossier: Dossier) -> str:
    """SHA-256 of :func:`row_text`: what :attr:`Event.row_hash` holds for the row it produced."""
    recorded = _recorded_row(dossier)
    return recorded[1] if recorded else hashlib.sha256(_row_bytes(dossier)).hexdigest()


def seal_write(dossier: Dossier, events: Sequence[Event], prev_hash: str) -> tuple[Dossier, list[Event]]:
    """Seal one write: ``events`` chained after ``prev_hash`` (:func:`isoflow.model.dossier.chain`),
    the newest recording :func:`row_digest` of ``dossier``; the dossier returned carries the newest
    hash.  Row text and event texts are encoded once, here, and remembered for the store."""
    text = _row_bytes(dossier)
    digest = hashlib.sha256(text).hexdigest()
    sealed = _sealed(events, prev_hash, digest)
    written = model.with_last_hash(dossier, sealed[-1].hash)
    if len(_ROWS) >= _REMEMBERED_MAX:
        _ROWS.clear()
    _ROWS[id(written)] = (written, text, digest)
    return written, sealed


def verify_chain(events: Sequence[Event], last_hash: str | None = None, version: int | None = None) -> list[str]:
    """:func:`isoflow.model.dossier.verify_chain` with this codec's hashes."""
    return model.verify_chain(events, _digest_of_own, last_hash, version)


def row_problems(dossier: Dossier, events: Sequence[Event]) -> list[str]:
    """:func:`isoflow.model.dossier.row_problems` with this codec's row digest."""
    return model.row_problems(dossier, events, row_digest)


def dossier_body(dossier: Dossier) -> str:
    """The dossier row's stored body: ``schema`` and ``last_hash`` first, then :func:`row_text`."""
    return f'{{"schema":{BODY_SCHEMA:d},"last_hash":{_json_string(dossier.last_hash)},{row_text(dossier)[1:]}'


def event_body(event: Event) -> str:
    """The event row's stored body: the very text its hash covers, plus ``schema`` and ``hash``."""
    return f'{{"schema":{BODY_SCHEMA:d},{canonical_json(event)[1:-1]},"hash":{_json_string(event.hash)}}}'


def _body(raw: str | bytes | Mapping[str, Any], what: str) -> dict[str, Any]:
    try:
        body = json.loads(raw) if isinstance(raw, str | bytes) else dict(raw)
    except ValueError as error:
        raise StoreError(f"{what}: the stored body is not JSON ({error})") from None
    if not isinstance(body, dict):
        raise StoreError(f"{what}: the stored body is not a JSON object")
    schema = body.pop("schema", None)
    if schema != BODY_SCHEMA:
        if isinstance(schema, int) and schema > BODY_SCHEMA:
            raise StoreError(f"{what} was written by a newer isoflow (body schema {schema}, this one reads "
                             f"{BODY_SCHEMA}); upgrade isoflow")
        raise StoreError(f"{what}: unknown body schema {schema!r} (expected {BODY_SCHEMA})")
    return body


def read_dossier(raw: str | bytes | Mapping[str, Any], code: str) -> Dossier:
    """The dossier of a stored body (text, or the object PostgreSQL's ``jsonb`` gives);
    :class:`StoreError` if it is not one this isoflow reads."""
    body = _body(raw, f"dossier {code}")
    try:
        return model.dossier_from_json(body)
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"dossier {code}: the stored body cannot be read ({error!r})") from None


def read_event(raw: str | bytes | Mapping[str, Any], code: str, seq: int) -> Event:
    """The event of a stored body; :class:`StoreError` if it is not one this isoflow reads."""
    body = _body(raw, f"event {seq} of dossier {code}")
    try:
        return model.event_from_json(body)
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"event {seq} of dossier {code}: the stored body cannot be read ({error!r})") from None
