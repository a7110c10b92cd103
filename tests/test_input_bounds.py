"""Numbers and text entering a dossier stay sane (issue 13 §3, §4).

A field's ``min`` and ``max`` bound what is entered and what effects compute; an int field
without them still holds only a database integer.  Effect results are checked like entered
data, so an absurd value is a refusal naming the field and the effect, not a crash later in a
form, the JSON encoder or the database.  Text is stored NFC; a blank actor or role is refused.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import Decimal
from functools import cache

import msgspec
import pytest

from isoflow.data.loaders import load_legal_basis
from isoflow.errors import ActionNotAllowed, FieldValueError
from isoflow.loading.loader import load_bytes
from isoflow.model.definition import Field, Location
from isoflow.model.dossier import Dossier
from isoflow.model.fields import INT_MAX, accept, coerce
from isoflow.running.compiler import compile_process
from isoflow.running.engine import Engine, Move
from tests.conftest import PROCESSES

CLERK = "cong-chuc-mot-cua"
CHUNG_THUC = (PROCESSES / "chung-thuc-ban-sao.xml").read_text(encoding="utf-8")
FEE = "so_ban * min(200000, 2000 * min(so_trang, 2) + 1000 * max(so_trang - 2, 0))"
RANGE_1 = "it must be between 1 and 9223372036854775807"
RANGE_INT = "it must be between -9223372036854775807 and 9223372036854775807"
NOWHERE = Location("test.xml", 1)


def field(kind: str, minimum: str | None = None, maximum: str | None = None, name: str = "x") -> Field:
    return Field(name, NOWHERE, type=kind, minimum=None if minimum is None else Decimal(minimum),
                 maximum=None if maximum is None else Decimal(maximum))


@cache
def engine(text: str = CHUNG_THUC) -> Engine:
    from isoflow.data.work_calendar import load_calendar

    loaded = load_bytes(text.encode("utf-8"), "chung-thuc-ban-sao.xml")
    assert loaded.definition is not None, loaded.findings
    return Engine([compile_process(loaded.definition)], load_calendar(), load_legal_basis())


def with_effect(field_id: str, value: str, extra_fields: str = "") -> Engine:
    """QT-CT-01 whose reception computes ``field_id`` by ``value`` instead of the fee."""
    text = CHUNG_THUC.replace(f'<set field="phi" value="{FEE}"/>', f'<set field="{field_id}" value="{value}"/>')
    return engine(text.replace("  </fields>", extra_fields + "\n  </fields>"))


def receive(e: Engine | None = None, **data: object) -> Dossier:
    return (e or engine()).receive("H40-260109-0001", "QT-CT-01", unit="H40", channel="in_person",
                                   applicant={"ho_ten": "Lê Thị Hoa"}, data=data, actor="an", role=CLERK,
                                   at=datetime(2026, 1, 9, 8, 0)).dossier


def take(d: Dossier, e: Engine | None = None, **data: object) -> Move:
    entered: dict[str, object] = {"ban_chinh_hop_le": True, "ban_sao_dung": True, "so_trang": 3, "so_ban": 2}
    return (e or engine()).fire(d, "nhan_ho_so", actor="an", role=CLERK, at=datetime(2026, 1, 9, 8, 30),
                                data={**entered, **data})


def refused(d: Dossier, e: Engine | None = None, **data: object) -> ActionNotAllowed:
    with pytest.raises(ActionNotAllowed) as caught:
        take(d, e, **data)
    return caught.value


PREFIX = "dossier H40-260109-0001: cannot 'nhan_ho_so' in step 'tiep_nhan': "


# -- the field declares its range -------------------------------------------------------------

def test_min_and_max_are_read_from_the_field() -> None:
    loaded = load_bytes(CHUNG_THUC.replace('<field id="so_ban" type="int" min="1">',
                                           '<field id="so_ban" type="int" min="1" max=" 20 ">').encode(), "x.xml")
    assert loaded.definition is not None
    fields = {f.id: f for f in loaded.definition.fields}
    assert (fields["so_ban"].minimum, fields["so_ban"].maximum) == (Decimal(1), Decimal(20))
    assert (fields["phi"].minimum, fields["phi"].maximum) == (Decimal(0), None)
    assert (fields["ly_do"].minimum, fields["ly_do"].maximum) == (None, None)


def test_a_bound_that_is_not_a_number_is_a_schema_finding() -> None:
    loaded = load_bytes(CHUNG_THUC.replace('type="int" min="1">', 'type="int" min="một">', 1).encode(), "x.xml")
    assert [(f.code, f.message) for f in loaded.findings] == [
        ("P006", "<field> attribute 'min': 'một' is not a number, like 3 or 0.5")]


@pytest.mark.parametrize(("kind", "minimum", "maximum", "value", "message"), [
    ("int", None, None, "9223372036854775808",
     f"field 'x': 9223372036854775808 is out of range: {RANGE_INT}"),
    ("int", None, None, -2**63,
     f"field 'x': -9223372036854775808 is out of range: {RANGE_INT}"),
    ("int", "1", None, "0", f"field 'x': 0 is out of range: {RANGE_1}"),
    ("int", "1", None, "-99999999999999999999999", f"field 'x': -99999999999999999999999 is out of range: {RANGE_1}"),
    ("int", "1", None, "9" * 4300, f"field 'x': a number of 4300 digits is out of range: {RANGE_1}"),
    ("int", "1", None, "9" * 5000, f"field 'x': a number of 5000 digits is out of range: {RANGE_1}"),
    ("int", "1", "20", 21, "field 'x': 21 is out of range: it must be between 1 and 20"),
    ("int", None, "1e30", "9223372036854775808",
     f"field 'x': 9223372036854775808 is out of range: {RANGE_INT}"),
    ("decimal", "0", None, "-0.5", "field 'x': -0.5 is out of range: it must be at least 0"),
    ("decimal", None, "2.5", 3, "field 'x': 3 is out of range: it must be at most 2.5"),
    ("decimal", "0.5", "2.50", "2.51", "field 'x': 2.51 is out of range: it must be between 0.5 and 2.50"),
])
def test_a_number_outside_the_range_is_refused_naming_the_field_and_the_range(
        kind: str, minimum: str | None, maximum: str | None, value: object, message: str) -> None:
    with pytest.raises(FieldValueError) as caught:
        coerce(field(kind, minimum, maximum), value)
    assert str(caught.value) == message


@pytest.mark.parametrize(("kind", "minimum", "maximum", "value", "stored"), [
    ("int", None, None, str(INT_MAX), INT_MAX),
    ("int", None, None, -INT_MAX, -INT_MAX),
    ("int", "1", "20", " 20 ", 20),
    ("int", "1", None, "0001", 1),
    ("decimal", "0", None, "0", 0),
    ("decimal", "0.5", "2.5", "2.5", 2.5),
])
def test_a_number_on_the_bounds_is_accepted(kind: str, minimum: str | None, maximum: str | None, value: object,
                                            stored: object) -> None:
    assert coerce(field(kind, minimum, maximum), value) == stored


# -- the shipped fee formula --------------------------------------------------------------------

def test_a_4300_digit_page_count_is_refused_at_entry() -> None:
    error = refused(receive(), so_trang="9" * 4300)
    assert error.reason == "invalid-data"
    assert str(error) == PREFIX + f"field 'so_trang': a number of 4300 digits is out of range: {RANGE_1}"


def test_a_negative_page_count_cannot_make_a_negative_fee() -> None:
    error = refused(receive(), so_trang="-99999999999999999999999")
    assert str(error) == PREFIX + f"field 'so_trang': -99999999999999999999999 is out of range: {RANGE_1}"
    assert str(refused(receive(), so_ban=0)) == PREFIX + f"field 'so_ban': 0 is out of range: {RANGE_1}"


def test_the_largest_copy_count_gives_a_fee_that_is_refused_naming_the_effect() -> None:
    error = refused(receive(), so_ban=str(INT_MAX))
    assert error.reason == "invalid-data"
    assert str(error) == PREFIX + (f"field 'phi': 46116860184273879035000 is not a number (at most 15 digits)"
                                   f" (computed by the effect {FEE!r})")


def test_a_sane_request_still_gets_its_fee() -> None:
    assert take(receive()).dossier.data["phi"] == 10000


# -- effects are checked against their field ------------------------------------------------------

EXTRA = ('    <field id="n" type="int" min="0" max="100"/>\n    <field id="d" type="decimal"/>\n'
         '    <field id="t" type="text"/>\n    <field id="b" type="bool"/>')


@pytest.mark.parametrize(("target", "value", "data", "message"), [
    ("t", "(so_ban, so_trang)", {}, "field 't': (2, 3) is not text"),
    ("n", "b", {"b": True}, "field 'n': True is not a whole number"),
    ("n", "so_trang / 2", {}, "field 'n': 1.5 is not a whole number"),
    ("n", "so_ban * 100", {}, "field 'n': 200 is out of range: it must be between 0 and 100"),
    ("n", "'3'", {}, "field 'n': '3' is not a whole number"),
    ("t", "so_ban", {}, "field 't': 2 is not text"),
    ("d", "'1.5'", {}, "field 'd': '1.5' is not a number (at most 15 digits)"),
    ("b", "so_ban", {}, "field 'b': 2 is not true or false"),
])
def test_an_effect_of_the_wrong_type_or_range_is_refused_naming_the_field_and_the_effect(
        target: str, value: str, data: dict[str, object], message: str) -> None:
    e = with_effect(target, value, EXTRA)
    error = refused(receive(e), e, **data)
    assert error.reason == "invalid-data"
    assert str(error) == PREFIX + f"{message} (computed by the effect {value!r})"


@pytest.mark.parametrize("number", [float("inf"), float("-inf"), float("nan")])
def test_an_effect_giving_inf_or_nan_is_refused(number: float) -> None:
    # Entered data never holds inf (coerce refuses it), so the value is planted in the dossier,
    # as data written before this check (or by other code) would be.
    e = with_effect("d", "d", EXTRA)
    d = msgspec.structs.replace(receive(e), data={"d": number})
    error = refused(d, e)
    assert error.reason == "invalid-data"
    assert str(error) == PREFIX + (
        f"field 'd': {number!r} is not a number (at most 15 digits) (computed by the effect 'd')")


def test_an_effect_whose_arithmetic_overflows_names_the_field() -> None:
    e = with_effect("d", "so_ban * 1000000000000 * 1000000000000 * 1000000", EXTRA)
    error = refused(receive(e), e, so_ban=10**15)
    assert error.reason == "invalid-data"
    assert str(error) == PREFIX + (
        "field 'd': cannot evaluate 'so_ban * 1000000000000 * 1000000000000 * 1000000': '*' of "
        "1000000000000000000000000000 and 1000000000000 gives a number too large (more than 30 digits)")


@pytest.mark.parametrize("value", [None, 0, 100])
def test_an_effect_in_range_or_clearing_the_field_is_stored(value: object) -> None:
    assert accept(field("int", "0", "100"), value) == value


def test_accept_takes_no_bool_for_an_int_and_no_text_for_a_number() -> None:
    with pytest.raises(FieldValueError, match=r"^field 'x': False is not a whole number$"):
        accept(field("int"), False)
    with pytest.raises(FieldValueError, match=r"^field 'x': '7' is not a number \(at most 15 digits\)$"):
        accept(field("decimal"), "7")
    assert accept(field("decimal"), 0.25) == 0.25
    assert accept(field("bool"), True) is True
    assert accept(field("date"), "2026-01-09") == "2026-01-09"


# -- who acts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("actor", "role", "why"), [
    ("", CLERK, "the actor is blank: say who acts (a user name)"),
    ("  \t", CLERK, "the actor is blank: say who acts (a user name)"),
    ("an", "", "the role is blank: say in which role the actor acts"),
    ("an", " ", "the role is blank: say in which role the actor acts"),
])
def test_a_blank_actor_or_role_is_refused_before_anything_is_written(actor: str, role: str, why: str) -> None:
    with pytest.raises(ActionNotAllowed) as caught:
        engine().receive("H40-260109-0001", "QT-CT-01", unit="H40", channel="in_person", applicant={}, data={},
                         actor=actor, role=role, at=datetime(2026, 1, 9, 8, 0))
    assert (caught.value.reason, str(caught.value)) == ("invalid-data", f"cannot receive the dossier: {why}")
    d = receive()
    with pytest.raises(ActionNotAllowed) as caught:
        engine().fire(d, "nhan_ho_so", actor=actor, role=role, at=datetime(2026, 1, 9, 8, 30))
    assert (caught.value.reason, str(caught.value)) == ("invalid-data", PREFIX + why)
    for request, call in (("withdraw", engine().withdraw), ("stop", engine().stop)):
        with pytest.raises(ActionNotAllowed) as caught:
            call(d, actor=actor, role=role, reason="Công dân xin rút", at=datetime(2026, 1, 9, 8, 30))
        assert (caught.value.reason, str(caught.value)) == (
            "invalid-data", f"dossier H40-260109-0001: cannot {request!r} in step 'tiep_nhan': {why}")


# -- text is stored NFC -----------------------------------------------------------------------------

NAME = "Nguyễn Thị Mai"
DECOMPOSED = unicodedata.normalize("NFD", NAME)


def test_decomposed_applicant_data_and_comment_are_stored_nfc() -> None:
    assert DECOMPOSED != NAME
    move = engine().receive("H40-260109-0001", "QT-CT-01", unit="H40", channel="in_person",
                            applicant={"ho_ten": DECOMPOSED, "nguoi_nop": {"dia_chi": unicodedata.normalize(
                                "NFD", "Huế")}, "giay_to": [DECOMPOSED]},
                            data={}, actor="an", role=CLERK, at=datetime(2026, 1, 9, 8, 0), comment=DECOMPOSED)
    assert move.dossier.applicant == {"ho_ten": NAME, "nguoi_nop": {"dia_chi": "Huế"}, "giay_to": [NAME]}
    assert move.events[0].comment == NAME


def test_decomposed_field_values_and_comments_are_stored_nfc() -> None:
    reason = unicodedata.normalize("NFD", "Bản chính bị tẩy xóa, sửa chữa")
    move = engine().fire(receive(), "tu_choi", actor="an", role=CLERK, at=datetime(2026, 1, 9, 8, 30),
                         data={"ly_do": reason}, comment=reason)
    assert move.dossier.data["ly_do"] == "Bản chính bị tẩy xóa, sửa chữa"
    assert move.events[0].data["fields"] == {"ly_do": "Bản chính bị tẩy xóa, sửa chữa"}
    assert move.events[0].comment == "Bản chính bị tẩy xóa, sửa chữa"


def test_text_and_choices_are_coerced_to_nfc() -> None:
    assert coerce(field("text"), DECOMPOSED) == NAME
    choice = Field("hinh_thuc", NOWHERE, type="choice", options=("trực_tiếp", "bưu_chính"))
    assert coerce(choice, unicodedata.normalize("NFD", "bưu_chính")) == "bưu_chính"
    written_nfd = Field("hinh_thuc", NOWHERE, type="choice", options=(unicodedata.normalize("NFD", "bưu_chính"),))
    assert coerce(written_nfd, "bưu_chính") == written_nfd.options[0]  # as the file spells it, to match its guards


# -- what a clerk types is read as a form would print it back (review of issue 13) -------------

@pytest.mark.parametrize("text", ["1_0", "１２", "١٢", "+", "1.0", "0x10"])
def test_an_int_field_takes_ascii_digits_only(text: str) -> None:
    with pytest.raises(FieldValueError, match=r"is not a whole number"):
        coerce(field("int"), text)
    assert coerce(field("int"), " -7 ") == -7


@pytest.mark.parametrize("text", ["9999999999999999.5", "1000000000000000", "0.1234567890123456789012345",
                                  "123456789012.12345"])
def test_a_decimal_field_holds_what_a_double_keeps_exactly(text: str) -> None:
    """More than 15 significant digits would be rounded silently; 16 integer digits come back
    from PostgreSQL's jsonb spelt another way (1e+16 as 10000000000000000) and break the chain."""
    with pytest.raises(FieldValueError, match=r"is not a number \(at most 15 digits\)"):
        coerce(field("decimal"), text)


@pytest.mark.parametrize(("text", "value"), [("999999999999999", 999999999999999), ("1.50", 1.5),
                                             ("12345678901234.5", 12345678901234.5), ("0.000000000000001", 1e-15)])
def test_fifteen_significant_digits_are_kept(text: str, value: float) -> None:
    assert coerce(field("decimal"), text) == value


@pytest.mark.parametrize("text", ["có", "đúng", "CÓ", "Có "])
def test_a_boolean_typed_with_combining_accents_is_understood(text: str) -> None:
    assert coerce(field("bool"), unicodedata.normalize("NFD", text)) is True
