"""The languages isoflow speaks: English messages, translated by gettext catalogues.

Messages are written in English in the code (``_("{count} files checked")``, with
``from isoflow.i18n import translate as _``) and translated
from ``isoflow/locale/<lang>/LC_MESSAGES/isoflow.mo``, compiled by Babel from the ``.po`` beside
it (``pybabel compile -d src/isoflow/locale -D isoflow``; a test keeps the two equal).  The
language is chosen once per command: ``--lang``, else ``$ISOFLOW_LANG``, else the locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` as gettext reads them): Vietnamese when it
is ``vi`` (``vi_VN.UTF-8``), English otherwise.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

__all__ = ["DOMAIN", "LANGUAGES", "N_", "current", "default_language", "locale_dir", "n_", "translate", "use"]

DOMAIN = "isoflow"
LANGUAGES = ("vi", "en")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_current = "en"


def locale_dir() -> Path:
    """Where the catalogues are installed (inside the package, shipped in the wheel)."""
    return Path(str(resources.files("isoflow").joinpath("locale")))


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """``vi`` when ``$ISOFLOW_LANG`` or the locale says Vietnamese, else ``en``."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("ISOFLOW_LANG", "")
    if chosen:
        return "vi" if chosen.lower().startswith("vi") else "en"
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:  # the first one set decides, as gettext does
            first = value.split(":")[0].lower()
            return "vi" if first.startswith("vi") else "en"
    return "en"


def use(language: str | None = None) -> str:
    """Speak ``language`` (``vi`` or ``en``; ``None``: :func:`default_language`) from now on."""
    global _translations, _current
    chosen = language or default_language()
    if chosen not in LANGUAGES:
        raise ValueError(f"no language {chosen!r}; isoflow speaks {', '.join(LANGUAGES)}")
    _translations = (gettext.NullTranslations() if chosen == "en"
                     else gettext.translation(DOMAIN, str(locale_dir()), languages=[chosen], fallback=True))
    _current = chosen
    return chosen


def current() -> str:
    """The language messages are given in now."""
    return _current


def translate(message: str) -> str:
    """``message`` in the current language (imported as ``_``, the name gettext tools look for:
    ``from isoflow.i18n import translate as _``)."""
    return _translations.gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message in the current language (Vietnamese has one form)."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is written (a table of words) and translate
    it where it is shown, with :func:`translate`."""
    return message
