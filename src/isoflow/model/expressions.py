"""Guard and effect expressions: a small, safe language of isoflow's own.

Quality officers write conditions such as ``when="du_dieu_kien and so_ban >= 1"`` and effects
such as ``value="so_ban + 1"`` in process files.  That text is never given to ``eval``: an
``eval`` with empty builtins is not a sandbox, and libraries that try to make it one keep
finding escapes.  Instead we borrow Python's expression *syntax* only:

* the source is capped at ``MAX_LENGTH`` characters *before* parsing (``ast.parse`` of
  ``"not " * 100000`` raises ``MemoryError``), then parsed with ``ast.parse(mode="eval")``;
* every node is checked against a whitelist (boolean operators, comparisons, ``in``,
  ``is None``, ``+ - * / %``, literals, data names, and the functions in ``FUNCTIONS``);
  anything else is an ``ExpressionSyntaxError`` with a line and column relative to the source;
* the checked tree is compiled into nested closures, so evaluating runs no ``eval``/``compile``,
  never touches a real attribute and never calls anything that was not whitelisted;
* numbers stay sane: ``**`` is refused, a number literal or an arithmetic result of more than
  ``MAX_DIGITS`` digits (or an infinite float) is an error, and ``+`` builds no text longer than
  ``MAX_TEXT``, so no effect can compute a value that a field, JSON or a database cannot hold
  (Python refuses to print an int of more than 4,300 digits, long after it was stored).

Names resolve as mapping lookups in a plain data snapshot: ``a.b.c`` is ``data["a"]["b"]["c"]``;
if that path is missing (or a step is not a mapping) the flat key ``data["a.b.c"]`` is tried,
and a name found neither way is ``None``.  Names are NFC-normalised, so data keys must be NFC.
The source is parsed inside an extra pair of parentheses, so it may span several lines (XML
attribute values do); a token scan makes sure the user's own brackets cannot close that pair.
"""

from __future__ import annotations

import ast
import difflib
import functools
import io
import itertools
import keyword
import math
import operator
import re
import tokenize
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from isoflow.errors import ExpressionEvaluationError, ExpressionSyntaxError

MAX_LENGTH = 500
MAX_DEPTH = 30
#: Largest number of digits of an int an expression may write or compute: a field holds at
#: most a 64-bit integer (19 digits), with room for intermediate results such as a fee.
MAX_DIGITS = 30
#: Longest text ``+`` may build (characters): far more than any field a form prints.
MAX_TEXT = 100_000
_INT_LIMIT = 10**MAX_DIGITS
FUNCTIONS: Mapping[str, Callable[..., object]] = MappingProxyType(
    {"abs": abs, "len": len, "max": max, "min": min}
)
_ARITY = {"abs": (1, 1), "len": (1, 1), "max": (1, 99), "min": (1, 99)}
_FUNCTION_LIST = ", ".join(sorted(FUNCTIONS))
_NUMBER = (int, float, Decimal)
_RUNTIME_ERRORS = (TypeError, ValueError, ArithmeticError, LookupError, RecursionError)

Data = Mapping[str, object]
_Fn = Callable[[Data], object]
_Pos = tuple[int, int]
_Op = Callable[[Any, Any], object]


@dataclass(frozen=True, slots=True)
class NameRef:
    """A data name used by an expression; ``line`` 1-based, ``column`` 0-based characters."""

    name: str
    line: int
    column: int


class _Failure(Exception):
    """Raised inside the closures; ``Expression.evaluate`` turns it into the public error."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Expression:
    """A parsed, checked and compiled expression; evaluate it against any number of snapshots."""

    source: str
    names: tuple[NameRef, ...]
    _fn: _Fn = field(repr=False, compare=False)

    def evaluate(self, data: Mapping[str, object]) -> object:
        """The value of the expression for ``data``; ``ExpressionEvaluationError`` if it fails."""
        try:
            return self._fn(data)
        except _Failure as exc:
            raise ExpressionEvaluationError(self.source, exc.reason) from None
        except _RUNTIME_ERRORS as exc:  # a data value misbehaved, e.g. a raising __bool__
            raise ExpressionEvaluationError(self.source, f"{type(exc).__name__}: {exc}") from None


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``name`` (difflib ratio >= 0.6), for "did you mean" hints."""
    by_nfc = {unicodedata.normalize("NFC", c): c for c in candidates}
    found = difflib.get_close_matches(unicodedata.normalize("NFC", name), by_nfc, n=1, cutoff=0.6)
    return by_nfc[found[0]] if found else None


def _show(value: object) -> str:
    if value.__class__ is int and not -_INT_LIMIT < value < _INT_LIMIT:
        return f"a number of more than {MAX_DIGITS} digits"  # repr fails beyond 4,300 digits
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _too_large(value: object) -> bool:
    """An int of more than ``MAX_DIGITS`` digits, or a float that overflowed to inf (or nan)."""
    if value.__class__ is int:
        return not -_INT_LIMIT < value < _INT_LIMIT
    return value.__class__ is float and not math.isfinite(value)


_COMPARE: dict[type[ast.cmpop], tuple[str, _Op]] = {
    ast.Eq: ("==", operator.eq), ast.NotEq: ("!=", operator.ne),
    ast.Lt: ("<", operator.lt), ast.LtE: ("<=", operator.le),
    ast.Gt: (">", operator.gt), ast.GtE: (">=", operator.ge),
    ast.In: ("in", lambda a, b: a in b),
    ast.NotIn: ("not in", lambda a, b: a not in b),
    ast.Is: ("is", operator.is_), ast.IsNot: ("is not", operator.is_not),
}
_ARITH: dict[type[ast.operator], tuple[str, _Op]] = {
    ast.Add: ("+", operator.add), ast.Sub: ("-", operator.sub), ast.Mult: ("*", operator.mul),
    ast.Div: ("/", operator.truediv), ast.Mod: ("%", operator.mod),
}
_REFUSED_OPS = {ast.Pow: "**", ast.FloorDiv: "//", ast.MatMult: "@", ast.LShift: "<<",
                ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&"}
_REFUSED_NODES = {  # what the message calls each refused construct
    ast.Subscript: "indexing with '[...]'", ast.Lambda: "'lambda'", ast.NamedExpr: "':='",
    ast.IfExp: "'... if ... else ...'", ast.JoinedStr: "f-strings", ast.Dict: "'{...}'",
    ast.Set: "'{...}'", ast.Starred: "'*' unpacking", ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions", ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
}


def _const(value: object) -> _Fn:
    return lambda data: value


def _lookup(dotted: str) -> _Fn:
    parts = tuple(dotted.split("."))
    if len(parts) == 1:
        return lambda data: data.get(dotted)

    def run(data: Data) -> object:
        value: object = data
        for part in parts:
            if not isinstance(value, (dict, Mapping)) or part not in value:
                return data.get(dotted)
            value = value[part]
        return value

    return run


def _bool_op(is_and: bool, fns: list[_Fn]) -> _Fn:
    if len(fns) == 2:
        a, b = fns
        return (lambda d: a(d) and b(d)) if is_and else (lambda d: a(d) or b(d))

    def run(data: Data) -> object:
        value: object = None
        for fn in fns:
            value = fn(data)
            if bool(value) is not is_and:
                return value
        return value

    return run


def _compare(first: _Fn, links: list[tuple[str, _Op, _Fn]]) -> _Fn:
    def check(sym: str, op: _Op, a: object, b: object) -> object:
        try:
            return op(a, b)
        except _RUNTIME_ERRORS:
            raise _Failure(f"'{sym}' cannot compare {_show(a)} and {_show(b)}") from None

    if len(links) == 1:
        sym, op, second = links[0]
        return lambda data: check(sym, op, first(data), second(data))

    def run(data: Data) -> object:
        left = first(data)
        result: object = True
        for sym, op, fn in links:
            right = fn(data)
            result = check(sym, op, left, right)
            if not result:
                return result
            left = right
        return result

    return run


def _arith(sym: str, op: _Op, left: _Fn, right: _Fn) -> _Fn:
    def run(data: Data) -> object:
        a, b = left(data), right(data)
        if isinstance(a, _NUMBER) and isinstance(b, _NUMBER):
            try:
                result = op(a, b)
            except ZeroDivisionError:
                raise _Failure("division by zero") from None
            except _RUNTIME_ERRORS as exc:
                raise _Failure(f"'{sym}' cannot combine {_show(a)} and {_show(b)}: {exc}") from None
            if _too_large(result):
                limit = f" (more than {MAX_DIGITS} digits)" if isinstance(result, int) else ""
                raise _Failure(f"'{sym}' of {_show(a)} and {_show(b)} gives a number too large{limit}")
            return result
        if sym == "+" and isinstance(a, str) and isinstance(b, str):
            if len(a) + len(b) > MAX_TEXT:
                raise _Failure(f"'+' would build a text longer than {MAX_TEXT} characters")
            return a + b
        raise _Failure(f"'{sym}' cannot combine {_show(a)} and {_show(b)}")

    return run


def _unary(sym: str, operand: _Fn) -> _Fn:
    if sym == "not":
        return lambda data: not operand(data)

    def run(data: Data) -> object:
        value = operand(data)
        if not isinstance(value, _NUMBER):
            raise _Failure(f"'{sym}' cannot be applied to {_show(value)}")
        return -value if sym == "-" else +value

    return run


def _call(name: str, args: list[_Fn]) -> _Fn:
    function = FUNCTIONS[name]

    def run(data: Data) -> object:
        values = [arg(data) for arg in args]
        try:
            return function(*values)
        except _RUNTIME_ERRORS as exc:
            shown = ", ".join(_show(v) for v in values)
            raise _Failure(f"{name}({shown}) failed: {exc}") from None

    return run


def _sequence(fns: list[_Fn], make: Callable[[Iterable[object]], object]) -> _Fn:
    return lambda data: make(fn(data) for fn in fns)


class _Compiler:
    """Checks a tree against the whitelist and turns it into closures, collecting names."""

    def __init__(self, text: str) -> None:
        self.text = text  # the source with newlines normalised to "\n"
        self.lines = ["(", *text.split("\n"), ")"]  # as parsed, wrapped in parentheses
        self.names: list[NameRef] = []

    def pos(self, line: int, col_bytes: int) -> _Pos:
        """Wrapped (line, UTF-8 byte offset) to source (1-based line, character column)."""
        prefix = self.lines[line - 1].encode()[:col_bytes]
        return line - 1, len(prefix.decode(errors="replace"))

    def fail(self, message: str, node: ast.AST, at: _Pos | None = None) -> ExpressionSyntaxError:
        """An error at ``node``, or at wrapped (line, byte offset) ``at``."""
        at = at or (getattr(node, "lineno", 2), getattr(node, "col_offset", 0))
        line, column = self.pos(*at)
        return ExpressionSyntaxError(message, line=line, column=column)

    def dotted(self, node: ast.expr) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        parts.append(node.id)
        return unicodedata.normalize("NFC", ".".join(reversed(parts)))

    def operator_pos(self, sym: str, left: ast.expr, node: ast.AST) -> ExpressionSyntaxError:
        line, column = self.pos(left.end_lineno or 2, left.end_col_offset or 0)
        offset = sum(len(s) + 1 for s in self.lines[1:line]) + column
        found = self.text.find(sym, offset)
        if found < 0:
            return self.fail(f"'{sym}' is not allowed in an expression", node)
        line = self.text.count("\n", 0, found) + 1
        column = found - (self.text.rfind("\n", 0, found) + 1)
        return ExpressionSyntaxError(f"'{sym}' is not allowed in an expression", line=line, column=column)

    def compile(self, node: ast.expr, depth: int = 0) -> _Fn:
        if depth > MAX_DEPTH:
            raise self.fail(f"expression is nested too deeply (more than {MAX_DEPTH} levels)", node)
        sub = depth + 1
        if isinstance(node, ast.BoolOp):
            return _bool_op(isinstance(node.op, ast.And), [self.compile(v, sub) for v in node.values])
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Invert):
                raise self.fail("'~' is not allowed in an expression", node)
            sym = {ast.Not: "not", ast.USub: "-", ast.UAdd: "+"}[type(node.op)]
            return _unary(sym, self.compile(node.operand, sub))
        if isinstance(node, ast.BinOp):
            if type(node.op) in _REFUSED_OPS:
                raise self.operator_pos(_REFUSED_OPS[type(node.op)], node.left, node)
            sym, op = _ARITH[type(node.op)]
            return _arith(sym, op, self.compile(node.left, sub), self.compile(node.right, sub))
        if isinstance(node, ast.Compare):
            first = self.compile(node.left, sub)
            links = []
            for cmp, right in zip(node.ops, node.comparators, strict=True):
                none = isinstance(right, ast.Constant) and right.value is None
                if isinstance(cmp, (ast.Is, ast.IsNot)) and not none:
                    raise self.fail("'is' can only be used as 'is None' or 'is not None';"
                                    " use == to compare values", right)
                links.append((*_COMPARE[type(cmp)], self.compile(right, sub)))
            return _compare(first, links)
        if isinstance(node, ast.Constant):
            if node.value is not None and not isinstance(node.value, (str, int, float)):
                raise self.fail(f"{type(node.value).__name__} literals are not allowed", node)
            if _too_large(node.value):
                limit = f" (more than {MAX_DIGITS} digits)" if isinstance(node.value, int) else ""
                raise self.fail(f"number literal is too large{limit}", node)
            return _const(node.value)
        if isinstance(node, (ast.List, ast.Tuple)):
            make = list if isinstance(node, ast.List) else tuple
            return _sequence([self.compile(e, sub) for e in node.elts], make)
        if isinstance(node, (ast.Name, ast.Attribute)):
            return self.name(node)
        if isinstance(node, ast.Call):
            return self.call(node, sub)
        what = _REFUSED_NODES.get(type(node), "this construct")
        verb = "are" if what.endswith("s") else "is"
        raise self.fail(f"{what} {verb} not allowed in an expression", node)

    def name(self, node: ast.Name | ast.Attribute) -> _Fn:
        dotted = self.dotted(node)
        if dotted is None:
            assert isinstance(node, ast.Attribute)
            raise self.fail(f"'.{node.attr}' can only follow a data name", node)
        for part_node in ast.walk(node):
            part = part_node.id if isinstance(part_node, ast.Name) else getattr(part_node, "attr", "")
            if part.startswith("_"):
                at = None
                if isinstance(part_node, ast.Attribute):  # point at the attribute, not the chain
                    end = (part_node.end_lineno or 2, part_node.end_col_offset or 0)
                    at = (end[0], end[1] - len(part.encode()))
                message = f"name '{part}' is not allowed: names cannot start with '_'"
                raise self.fail(message, part_node, at)
        if dotted in FUNCTIONS:
            raise self.fail(f"'{dotted}' is a function; call it as {dotted}(...)", node)
        line, column = self.pos(node.lineno, node.col_offset)
        self.names.append(NameRef(dotted, line, column))
        return _lookup(dotted)

    def call(self, node: ast.Call, sub: int) -> _Fn:
        name = self.dotted(node.func)
        if name is None or name not in FUNCTIONS:
            if name and "." in name:
                what = f"'{name}(...)' calls a method of data, which is not allowed"
            else:
                what = f"function '{name}' is not available" if name else "this cannot be called"
            raise self.fail(f"{what}; use one of: {_FUNCTION_LIST}", node)
        if node.keywords:
            raise self.fail(f"keyword arguments are not allowed in {name}(...)", node.keywords[0])
        low, high = _ARITY[name]
        if not low <= len(node.args) <= high:
            count = "exactly 1 argument" if high == 1 else "at least 1 argument"
            raise self.fail(f"{name}() takes {count} ({len(node.args)} given)", node)
        return _call(name, [self.compile(a, sub) for a in node.args])


def _error(message: str, at: _Pos) -> ExpressionSyntaxError:
    return ExpressionSyntaxError(message, line=at[0], column=at[1])


def _scan(wrapped: str, last_line: int) -> tuple[list[tokenize.TokenInfo], bool]:
    """Token checks ast cannot do; returns the tokens and whether tokenizing finished."""
    tokens: list[tokenize.TokenInfo] = []
    stack: list[tuple[str, bool, _Pos]] = []  # (bracket, opens a call, position)
    pairs = {")": "(", "]": "[", "}": "{"}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(wrapped).readline):
            tokens.append(tok)
            at = (tok.start[0] - 1, tok.start[1])
            if tok.type != tokenize.OP:
                continue
            s = tok.string
            if s in "([{":
                prev = tokens[-2] if len(tokens) > 1 else None
                called = prev is not None and s == "(" and (
                    prev.string in ")]" or (prev.type == tokenize.NAME and not keyword.iskeyword(prev.string)))
                stack.append((s, called, at))
            elif s in ")]}":
                if tok.start[0] == last_line and len(stack) > 1:
                    raise _error(f"'{stack[-1][0]}' was never closed", stack[-1][2])
                if tok.start[0] != last_line and (len(stack) < 2 or stack[-1][0] != pairs[s]):
                    raise _error(f"unexpected token '{s}'", at)
                stack.pop()
            elif s == "=" and not stack[-1][1]:
                raise _error("'=' is not allowed; use == to compare", at)
            elif s == "," and len(stack) == 1:
                raise _error("',' is not allowed here; combine conditions with 'and' or 'or'", at)
    except (tokenize.TokenError, SyntaxError):
        return tokens, False
    return tokens, True


_LAYOUT = (tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT)


def _only_comment(tokens: list[tokenize.TokenInfo]) -> None:
    """Refuse a source that is nothing but a comment: inside the wrapping parentheses it
    would parse as ``()``, an always-false guard, and the action could never be taken."""
    inner = [t for t in tokens if t.type not in _LAYOUT][1:-1]  # inside the wrapping "(" and ")"
    if inner and all(t.type == tokenize.COMMENT for t in inner):
        comment = inner[0]
        raise _error("expression is only a comment: write the condition or value before '#'",
                     (comment.start[0] - 1, comment.start[1]))


def _syntax_error(
    exc: SyntaxError, tokens: list[tokenize.TokenInfo], lines: list[str]
) -> ExpressionSyntaxError:
    """Python's SyntaxError, moved to source positions and reworded for quality officers."""
    message = re.sub(r" \(detected at line \d+\)", "", str(exc.msg))
    line, column = (exc.lineno or 2) - 1, max((exc.offset or 1) - 1, 0)
    if line < 1:
        line, column = 1, 0
    if line > len(lines):
        return ExpressionSyntaxError("unexpected end of expression", line=len(lines), column=len(lines[-1]))
    at = [t for t in tokens if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)]
    if "forgot a comma" in message:  # two operands in a row, e.g. "so_ban 1"
        operand = (tokenize.NAME, tokenize.NUMBER, tokenize.STRING)
        for before, tok in itertools.pairwise(at):
            if (
                (before.type in operand or before.string in ")]")
                and tok.type in operand
                and tok.start >= (line + 1, column)
            ):
                return ExpressionSyntaxError(f"unexpected token '{tok.string}'",
                                                 line=tok.start[0] - 1, column=tok.start[1])
    if message.startswith("invalid syntax"):
        found = [t.string for t in at if t.start == (line + 1, column)]
        message = f"unexpected token '{found[0]}'" if found else "invalid syntax"
    return ExpressionSyntaxError(message, line=line, column=column)


def parse_expression(source: str) -> Expression:
    """Parse, check and compile ``source``; raise ``ExpressionSyntaxError`` if it is not allowed.

    Results are cached by source: a catalogue repeats the same few guards thousands of
    times, and an :class:`Expression` is immutable.
    """
    result = _parse_cached(source)
    if isinstance(result, Expression):
        return result
    message, line, column = result
    raise ExpressionSyntaxError(message, line=line, column=column)


@functools.lru_cache(maxsize=4096)
def _parse_cached(source: str) -> Expression | tuple[str, int, int]:
    try:
        return _parse(source)
    except ExpressionSyntaxError as error:
        return (error.message, error.line, error.column)


def _parse(source: str) -> Expression:
    if len(source) > MAX_LENGTH:
        raise ExpressionSyntaxError(f"expression is longer than {MAX_LENGTH} characters"
                                    f" ({len(source)})", line=1, column=0)
    if not source.strip():
        raise ExpressionSyntaxError("expression is empty", line=1, column=0)
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ExpressionSyntaxError("expression contains a NUL character", line=line,
                                    column=lines[line - 1].index("\x00"))
    wrapped = "(\n" + text + "\n)"
    try:
        tokens, complete = _scan(wrapped, len(lines) + 2)
        if complete:
            _only_comment(tokens)
        try:
            tree = ast.parse(wrapped, mode="eval")
        except SyntaxError as exc:
            raise _syntax_error(exc, tokens, lines) from None
        if not complete:
            raise ExpressionSyntaxError("invalid syntax", line=1, column=0)
        compiler = _Compiler(text)
        fn = compiler.compile(tree.body)
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionSyntaxError("expression is too complex", line=1, column=0) from None
    names = tuple(sorted(compiler.names, key=lambda n: (n.line, n.column)))
    return Expression(source, names, fn)
