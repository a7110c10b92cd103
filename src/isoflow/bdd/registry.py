"""The step library's functions, bound to the sentences of :mod:`isoflow.validation.sentences`.

One function serves both languages: :func:`bilingual` registers it with pytest-bdd under the
Vietnamese and the English sentence of the step named like the function, and binds its
``lang`` argument, so a failure is reported in the language the feature was written in.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from pytest_bdd import given, then, when

from isoflow.bdd.parsing import NfcParse
from isoflow.errors import SpecFailure
from isoflow.validation.sentences import STEPS

F = TypeVar("F", bound=Callable[..., Any])
_DECORATORS = {"given": given, "when": when, "then": then}
_BY_ID = {step.id: step for step in STEPS}


def bilingual(func: F) -> F:
    """Register ``func`` as the step of the same name, in Vietnamese and in English.

    The function takes ``lang`` besides its sentence values and fixtures; each registration
    gets a copy with ``lang`` bound.  Must be applied at module level: pytest-bdd keeps the
    step as a fixture of the module that registers it.
    """
    step = _BY_ID.get(func.__name__)
    if step is None:
        raise LookupError(f"no step {func.__name__!r} in isoflow.validation.sentences.STEPS")
    for lang, (pattern, _) in (("vi", step.vi), ("en", step.en)):
        # stacklevel 2: the module applying @bilingual, not this helper.
        _DECORATORS[step.kind](NfcParse(pattern), stacklevel=2)(_bind_language(func, lang))
    return func


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
