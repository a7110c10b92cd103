"""Tests for isoflow's own guard/effect expression language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from isoflow.errors import ExpressionEvaluationError, ExpressionSyntaxError
from isoflow.model.expressions import (
    FUNCTIONS,
    MAX_LENGTH,
    Expression,
    NameRef,
    parse_expression,
    suggest,
)

USE = "use one of: abs, len, max, min"

DATA: dict[str, object] = {
    "du_dieu_kien": True,
    "so_ban": 2,
    "ten": "An",
    "nguoi_nop": {"tuoi": 30, "dia_chi": {"tinh": "Huế"}},
    "ho_so.ma": "HS-1",
    "danh_sach": [1, 2, 3],
    "phi": Decimal("1.50"),
    "đã_nộp_phí": True,
    "tuổi": 20,
}


def ev(source: str, data: dict[str, object] | None = None) -> object:
    return parse_expression(source).evaluate(DATA if data is None else data)


def syntax_error(source: str) -> ExpressionSyntaxError:
    with pytest.raises(ExpressionSyntaxError) as info:
        parse_expression(source)
    return info.value


def where(source: str) -> tuple[str, int, int]:
    error = syntax_error(source)
    return error.message, error.line, error.column


# --- evaluating each construct -------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("du_dieu_kien and so_ban >= 1", True),
        ("du_dieu_kien and so_ban >= 3", False),
        ("so_ban and ten", "An"),  # Python values, not just booleans
        ("thieu or 'mặc định'", "mặc định"),
        ("0 or so_ban", 2),
        ("so_ban == 1 or so_ban == 2 or so_ban == 3", True),
        ("not du_dieu_kien", False),
        ("not thieu", True),
        ("-so_ban", -2),
        ("+so_ban", 2),
        ("so_ban != 2", False),
        ("so_ban < 3 and so_ban <= 2 and so_ban > 1", True),
        ("1 < so_ban < 3", True),
        ("1 < so_ban < 2", False),
        ("so_ban in [1, 2]", True),
        ("so_ban not in (1, 2)", False),
        ("'n' in ten", True),
        ("'tuoi' in nguoi_nop", True),
        ("thieu is None", True),
        ("so_ban is not None", True),
        ("so_ban + 1", 3),
        ("so_ban - 5", -3),
        ("so_ban * 2.5", 5.0),
        ("so_ban / 4", 0.5),
        ("7 % so_ban", 1),
        ("ten + ' Nguyễn'", "An Nguyễn"),
        ("phi + 1", Decimal("2.50")),
        ("[so_ban, 'x', None, True]", [2, "x", None, True]),
        ("(so_ban, 1.5)", (2, 1.5)),
        ("()", ()),
        ("len(ten)", 2),
        ("len(danh_sach) == 3", True),
        ("max(so_ban, 10)", 10),
        ("min(danh_sach)", 1),
        ("abs(-so_ban)", 2),
        ("nguoi_nop.tuoi >= 18", True),
        ("nguoi_nop.dia_chi.tinh", "Huế"),
        ("ho_so.ma", "HS-1"),  # flat dotted key
        ("đã_nộp_phí and tuổi >= 18", True),
    ],
)
def test_evaluates(source: str, expected: object) -> None:
    result = ev(source)
    assert result == expected
    assert type(result) is type(expected)


def test_missing_names_are_none() -> None:
    assert ev("thieu") is None
    assert ev("nguoi_nop.thieu") is None
    assert ev("nguoi_nop.tuoi.x") is None  # a step that is not a mapping
    assert ev("ten.x") is None


def test_nested_lookup_wins_over_flat_key() -> None:
    data: dict[str, object] = {"a": {"b": 1}, "a.b": 2}
    assert ev("a.b", data) == 1
    assert ev("a.b", {"a": {}, "a.b": 2}) == 2


def test_short_circuit_skips_failing_operand() -> None:
    assert ev("thieu is not None and thieu >= 3") is False
    assert ev("so_ban or 1 / 0") == 2


def test_whitespace_newlines_and_comments() -> None:
    assert ev("  \n du_dieu_kien\n   and so_ban >= 1\n  ") is True
    assert ev("du_dieu_kien\r\nand so_ban == 2") is True
    assert ev("so_ban  # số bản\n + 1") == 3


def test_expression_is_reusable_and_compares_by_source() -> None:
    expression = parse_expression("so_ban + 1")
    assert isinstance(expression, Expression)
    assert expression.evaluate({"so_ban": 1}) == 2
    assert expression.evaluate({"so_ban": 5}) == 6
    assert expression == parse_expression("so_ban + 1")
    assert expression.source == "so_ban + 1"


def test_functions_are_exactly_the_whitelist() -> None:
    assert sorted(FUNCTIONS) == ["abs", "len", "max", "min"]


# --- names and positions -------------------------------------------------------------------


def test_names_in_source_order_with_positions() -> None:
    expression = parse_expression("du_dieu_kien and nguoi_nop.tuoi >= so_ban + len(ten)")
    assert expression.names == (
        NameRef("du_dieu_kien", 1, 0),
        NameRef("nguoi_nop.tuoi", 1, 17),
        NameRef("so_ban", 1, 35),
        NameRef("ten", 1, 48),
    )


def test_repeated_names_are_all_listed() -> None:
    names = parse_expression("a == 1 or a == 2").names
    assert names == (NameRef("a", 1, 0), NameRef("a", 1, 10))


def test_constants_and_functions_are_not_names() -> None:
    assert parse_expression("len('x') == 1 and True and None is None").names == ()


def test_vietnamese_columns_are_characters() -> None:
    names = parse_expression("đã_nộp_phí and hồ_sơ.tuổi >= 18").names
    assert names == (NameRef("đã_nộp_phí", 1, 0), NameRef("hồ_sơ.tuổi", 1, 15))


def test_multiline_positions() -> None:
    names = parse_expression("  du_dieu_kien\n    and hồ_sơ.đã_nộp\n").names
    assert names == (NameRef("du_dieu_kien", 1, 2), NameRef("hồ_sơ.đã_nộp", 2, 8))


def test_names_are_nfc_and_decomposed_input_matches() -> None:
    decomposed = "tuo\u0302\u0309i"  # "tuổi" written with combining marks (NFD)
    expression = parse_expression(decomposed + " >= 18")
    assert expression.names[0].name == "tuổi"
    assert expression.evaluate({"tuổi": 20}) is True


# --- rejections ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message", "line", "column"),
    [
        ("x.__class__", "name '__class__' is not allowed: names cannot start with '_'", 1, 2),
        ("a.b._c", "name '_c' is not allowed: names cannot start with '_'", 1, 4),
        ("_x > 1", "name '_x' is not allowed: names cannot start with '_'", 1, 0),
        ("foo(1)", "function 'foo' is not available; use one of: abs, len, max, min", 1, 0),
        ("a.get('x')", "'a.get(...)' calls a method of data, which is not allowed; " + USE, 1, 0),
        ("x.__class__()", "'x.__class__(...)' calls a method of data, which is not allowed; " + USE, 1, 0),
        ("'x'.upper()", "this cannot be called; use one of: abs, len, max, min", 1, 0),
        ("len(ten, 1)", "len() takes exactly 1 argument (2 given)", 1, 0),
        ("max()", "max() takes at least 1 argument (0 given)", 1, 0),
        ("len(x=ten)", "keyword arguments are not allowed in len(...)", 1, 4),
        ("max(*a)", "'*' unpacking is not allowed in an expression", 1, 4),
        ("len > 1", "'len' is a function; call it as len(...)", 1, 0),
        ("a[0]", "indexing with '[...]' is not allowed in an expression", 1, 0),
        ("lambda: 1", "'lambda' is not allowed in an expression", 1, 0),
        ("[x for x in a]", "comprehensions are not allowed in an expression", 1, 0),
        ("any(x for x in a)", "function 'any' is not available; use one of: abs, len, max, min", 1, 0),
        ("{x for x in a}", "comprehensions are not allowed in an expression", 1, 0),
        ("(a := 2)", "':=' is not allowed in an expression", 1, 1),
        ("a if b else c", "'... if ... else ...' is not allowed in an expression", 1, 0),
        ("f'{a}'", "f-strings are not allowed in an expression", 1, 0),
        ("{'a': 1}", "'{...}' is not allowed in an expression", 1, 0),
        ("b'x'", "bytes literals are not allowed", 1, 0),
        ("a ** 2", "'**' is not allowed in an expression", 1, 2),
        ("a // 2", "'//' is not allowed in an expression", 1, 2),
        ("a & b", "'&' is not allowed in an expression", 1, 2),
        ("~a", "'~' is not allowed in an expression", 1, 0),
        ("tuổi\n  and (b ** 2)", "'**' is not allowed in an expression", 2, 9),
        (
            "a is 3",
            "'is' can only be used as 'is None' or 'is not None'; use == to compare values",
            1,
            5,
        ),
        ("(a + b).c", "'.c' can only follow a data name", 1, 0),
        ("a = 2", "'=' is not allowed; use == to compare", 1, 2),
        ("[a = 1]", "'=' is not allowed; use == to compare", 1, 3),
        ("a, b", "',' is not allowed here; combine conditions with 'and' or 'or'", 1, 1),
    ],
)
def test_rejected(source: str, message: str, line: int, column: int) -> None:
    assert where(source) == (message, line, column)


@pytest.mark.parametrize(
    ("source", "message", "line", "column"),
    [
        ("a) or (b", "unexpected token ')'", 1, 1),
        ("tuổi >= ) 1", "unexpected token ')'", 1, 8),
        ("(a]", "unexpected token ']'", 1, 2),
        ("(a", "'(' was never closed", 1, 0),
        ("len(a", "'(' was never closed", 1, 3),
        ("so_ban 1", "unexpected token '1'", 1, 7),
        ("tuổi b", "unexpected token 'b'", 1, 5),
        ("if a", "unexpected token 'if'", 1, 0),
        ("a $ b", "unexpected token '$'", 1, 2),
        ("a and", "unexpected end of expression", 1, 5),
        ("a ==\n", "unexpected end of expression", 2, 0),
        ("'abc", "unterminated string literal", 1, 0),
        ("a\x00", "expression contains a NUL character", 1, 1),
    ],
)
def test_syntax_errors_are_reworded(source: str, message: str, line: int, column: int) -> None:
    assert where(source) == (message, line, column)


def test_empty_sources() -> None:
    for source in ("", "   ", " \n\t "):
        assert where(source) == ("expression is empty", 1, 0)


def test_a_source_that_is_only_a_comment_is_refused_where_the_comment_starts() -> None:
    # Inside the wrapping parentheses it parsed as "()": a guard that is always false.
    assert where("# chỉ ghi chú, chưa có điều kiện") == (
        "expression is only a comment: write the condition or value before '#'", 1, 0)
    assert where("\n   # a\n# b\n") == ("expression is only a comment: write the condition or value before '#'", 2, 3)
    assert ev("so_ban  # số bản") == 2  # a comment after an expression is fine


def test_number_literals_are_bounded() -> None:
    assert where("so_ban < " + "9" * 31) == ("number literal is too large (more than 30 digits)", 1, 9)
    assert where("phi < 1e999") == ("number literal is too large", 1, 6)
    assert ev("so_ban < " + "9" * 30) is True


@pytest.mark.parametrize(
    ("source", "data", "reason"),
    [
        ("x * x * x", {"x": 10**11}, "'*' of 10000000000000000000000 and 100000000000 gives a number too large"
                                     " (more than 30 digits)"),
        ("x * 10", {"x": 10**4400}, "'*' of a number of more than 30 digits and 10 gives a number too large"
                                    " (more than 30 digits)"),
        ("x * 10.0", {"x": 1e308}, "'*' of 1e+308 and 10.0 gives a number too large"),
        ("t + t", {"t": "a" * 60_000}, "'+' would build a text longer than 100000 characters"),
        ("x / 3", {"x": 10**4400}, "'/' cannot combine a number of more than 30 digits and 3: integer division"
                                   " result too large for a float"),
    ],
)
def test_arithmetic_cannot_build_absurd_values(source: str, data: dict[str, object], reason: str) -> None:
    with pytest.raises(ExpressionEvaluationError) as info:
        ev(source, data)
    assert info.value.reason == reason


def test_too_long_is_rejected_before_parsing() -> None:
    source = "a and " * 102
    assert len(source) == 612
    assert where(source) == ("expression is longer than 500 characters (612)", 1, 0)
    assert where("not " * 100000)[0] == "expression is longer than 500 characters (400000)"
    parse_expression("a" * MAX_LENGTH)  # exactly at the cap is fine


def test_deep_nesting_is_rejected() -> None:
    message, line, _ = where("-" * 60 + "1")
    assert message == "expression is nested too deeply (more than 30 levels)"
    assert line == 1
    assert where("not " * 120 + "a")[0] == "expression is nested too deeply (more than 30 levels)"
    assert "nested" in where("(" * 240 + "a" + ")" * 240)[0]
    parse_expression("not " * 20 + "a")


def test_errors_are_definition_errors_with_position() -> None:
    error = syntax_error("a ** 2")
    assert str(error) == "1:2: '**' is not allowed in an expression"


# --- runtime errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("thieu >= 3", "'>=' cannot compare None and 3"),
        ("ten + 1", "'+' cannot combine 'An' and 1"),
        ("ten * 3", "'*' cannot combine 'An' and 3"),
        ("'%s' % ten", "'%' cannot combine '%s' and 'An'"),
        ("so_ban / 0", "division by zero"),
        ("so_ban % 0", "division by zero"),
        ("len(5)", "len(5) failed: object of type 'int' has no len()"),
        ("min([])", "min([]) failed: min() arg is an empty sequence"),
        ("-ten", "'-' cannot be applied to 'An'"),
        ("1 in ten", "'in' cannot compare 1 and 'An'"),
        ("so_ban in thieu", "'in' cannot compare 2 and None"),
        ("phi + 1.5", "'+' cannot combine Decimal('1.50') and 1.5: unsupported operand type(s)"
         " for +: 'decimal.Decimal' and 'float'"),
        ("1 < thieu < 3", "'<' cannot compare 1 and None"),
    ],
)
def test_runtime_errors(source: str, reason: str) -> None:
    with pytest.raises(ExpressionEvaluationError) as info:
        ev(source)
    assert info.value.reason == reason
    assert info.value.source == source
    assert str(info.value) == f"cannot evaluate {source!r}: {reason}"


def test_data_methods_are_never_called() -> None:
    class Sneaky(dict[str, object]):
        def get(self, key: str, default: object = None) -> object:
            raise AssertionError("must not be reached through an expression")

    with pytest.raises(ExpressionSyntaxError):
        parse_expression("d.get('x')")
    assert ev("d.x", {"d": Sneaky(x=1)}) == 1


# --- suggest -------------------------------------------------------------------------------


def test_suggest() -> None:
    fields = ["so_ban", "du_dieu_kien", "nguoi_nop.tuoi", "tuổi"]
    assert suggest("so_bn", fields) == "so_ban"
    assert suggest("nguoi_nop.tuo", fields) == "nguoi_nop.tuoi"
    assert suggest("tuo\u0302\u0309i", fields) == "tuổi"
    assert suggest("xyz", fields) is None
    assert suggest("so_ban", []) is None
