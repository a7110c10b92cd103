"""Every step sentence isoflow ships, registered in Vietnamese and English at once.

One function serves both languages: :func:`bilingual` registers it with pytest-bdd under each
sentence and binds its ``lang`` argument, so a failure is reported in the language the
feature was written in.  The registry :data:`SENTENCES` is what the README's list of steps is
generated from and what the test for ambiguous sentences reads: it cannot drift from the
steps that run.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import pytest
from pytest_bdd import given, then, when

from isoflow.bdd.parsing import NfcParse
from isoflow.errors import SpecFailure

Kind = Literal["given", "when", "then"]
F = TypeVar("F", bound=Callable[..., Any])
KEYWORDS = {"vi": {"given": "Biết", "when": "Khi", "then": "Thì"},
            "en": {"given": "Given", "when": "When", "then": "Then"}}
_DECORATORS = {"given": given, "when": when, "then": then}


@dataclass(frozen=True)
class Sentence:
    """One registered step sentence, as a feature writer uses it."""

    kind: Kind
    lang: str
    pattern: str
    example: str
    doc: str
    table: bool  # takes an optional data table of (field, value) rows

    @property
    def parser(self) -> NfcParse:
        return NfcParse(self.pattern)


SENTENCES: list[Sentence] = []


def bilingual(kind: Kind, *, vi: tuple[str, str], en: tuple[str, str], doc: str,
              table: bool = False) -> Callable[[F], F]:
    """Register the decorated function as the step ``vi`` and ``en``: (pattern, example) each.

    The function takes ``lang`` besides its sentence values and fixtures; each registration
    gets a copy with ``lang`` bound.  Must be applied at module level: pytest-bdd keeps the
    step as a fixture of the module that registers it.
    """
    def decorate(func: F) -> F:
        for lang, (pattern, example) in (("vi", vi), ("en", en)):
            bound = _bind_language(func, lang)
            # stacklevel 2: the module applying @bilingual, not this helper.
            _DECORATORS[kind](NfcParse(pattern), stacklevel=2)(bound)
            SENTENCES.append(Sentence(kind, lang, pattern, example, doc, table))
        return func
    return decorate


def _bind_language(func: Callable[..., Any], lang: str) -> Callable[..., Any]:
    signature = inspect.signature(func)

    def step(**kwargs: Any) -> Any:
        try:
            return func(lang=lang, **kwargs)
        except SpecFailure as failure:
            message = str(failure)
        # What the feature expected and what happened is the whole story: the Python frames
        # of the step library would only hide it from the officer reading the log.
        pytest.fail(message, pytrace=False)

    step.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[p for name, p in signature.parameters.items() if name != "lang"])
    step.__name__ = f"{func.__name__}_{lang}"
    step.__qualname__ = step.__name__
    step.__doc__ = func.__doc__
    step.__module__ = func.__module__
    return step


def steps_markdown() -> str:
    """The list of steps for the README: one table per language, generated from the registry."""
    import isoflow.bdd.steps  # noqa: F401  (registers the sentences)

    lines: list[str] = []
    for lang, title in (("vi", "Tiếng Việt (`# language: vi`)"), ("en", "English")):
        lines += [f"#### {title}", "", "| | Step | Example | What it does |", "|---|---|---|---|"]
        for s in (s for s in SENTENCES if s.lang == lang):
            keyword = KEYWORDS[lang][s.kind]
            table = " (+ table)" if s.table else ""
            lines.append(f"| {keyword} | `{s.pattern}`{table} | `{s.example}` | {s.doc} |")
        lines.append("")
    return "\n".join(lines)
