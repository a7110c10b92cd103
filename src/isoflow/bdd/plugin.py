"""isoflow's pytest plugin: the Gherkin step library and the fixtures it runs on.

Installed with isoflow (entry point ``pytest11``), so that a project holding only
``features/*.feature`` and a test module calling ``pytest_bdd.scenarios("features")`` runs its
procedures with no conftest.  Settings, in ``pytest.ini`` / ``[tool.pytest.ini_options]``:

* ``isoflow_processes``: the folders or files of procedures (default ``processes``);
* ``isoflow_calendar``: a working-day calendar file (default: the shipped national one);
* ``isoflow_regimes``: a legal regimes file (default: the shipped one).

Fixtures carry an ``isoflow_`` prefix: ``isoflow_engine`` (one per session),
``isoflow_store`` (an in-memory SQLite store per scenario), ``isoflow_desk``,
``isoflow_clock`` (the simulated clock) and ``isoflow_world`` (what the steps act on).
Turn the plugin off with ``-p no:isoflow``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from isoflow.bdd.world import SimulatedClock, World
from isoflow.desk import Desk
from isoflow.errors import SpecFailure
from isoflow.running.engine import Engine
from isoflow.store import Store, open_store

_STEP_FAILED = pytest.StashKey[bool]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("isoflow_processes", "folders or files of isoflow procedures for the step library",
                  type="paths", default=[])
    parser.addini("isoflow_calendar", "working-day calendar file for the step library", default="")
    parser.addini("isoflow_regimes", "legal regimes file for the step library", default="")


def pytest_configure(config: pytest.Config) -> None:
    # The steps are fixtures of their own module: registering it as a plugin makes them
    # visible to every test, as pytest-bdd looks steps up among the visible fixtures.
    steps = importlib.import_module("isoflow.bdd.steps")
    if not config.pluginmanager.is_registered(steps):
        config.pluginmanager.register(steps, "isoflow.bdd.steps")


def _setting(config: pytest.Config, name: str) -> Path | None:
    value = str(config.getini(name) or "").strip()
    return (config.rootpath / value) if value else None


@pytest.fixture(scope="session")
def isoflow_processes(pytestconfig: pytest.Config) -> list[Path]:
    """The procedures the scenarios run: the ``isoflow_processes`` setting, else ``processes/``."""
    configured: list[Path] = list(pytestconfig.getini("isoflow_processes"))
    return configured or [pytestconfig.rootpath / "processes"]


@pytest.fixture(scope="session")
def isoflow_engine(pytestconfig: pytest.Config, isoflow_processes: list[Path]) -> Engine:
    """The engine over the validated procedures: built once, shared by every scenario."""
    from isoflow.errors import IsoflowError
    from isoflow.workspace import open_engine

    try:
        return open_engine(isoflow_processes, _setting(pytestconfig, "isoflow_calendar"),
                           _setting(pytestconfig, "isoflow_regimes"))
    except IsoflowError as error:
        pytest.fail(f"isoflow could not load the procedures for the scenarios: {error}\n"
                    "(set isoflow_processes in pytest.ini to the folder of your process files)", pytrace=False)


@pytest.fixture
def isoflow_store() -> Iterator[Store]:
    """A fresh in-memory SQLite store: each scenario starts with no dossiers."""
    store = open_store("sqlite://:memory:")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def isoflow_desk(isoflow_engine: Engine, isoflow_store: Store) -> Desk:
    return Desk(isoflow_engine, isoflow_store)


@pytest.fixture
def isoflow_clock() -> SimulatedClock:
    """The scenario's time, set by its steps (``bây giờ là …``, ``… giờ làm việc trôi qua``)."""
    return SimulatedClock()


@pytest.fixture
def isoflow_world(isoflow_desk: Desk, isoflow_clock: SimulatedClock) -> World:
    return World(isoflow_desk, isoflow_clock)


# pytest-bdd's hooks are optional: with pytest-bdd disabled (-p no:pytest-bdd) pytest must
# still start in a project where isoflow is installed.
@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: Any, step_func_args: Any, exception: BaseException) -> None:
    """Say which line of which feature failed, above what was expected and what happened."""
    request.node.stash[_STEP_FAILED] = True
    if isinstance(exception, pytest.fail.Exception) and not exception.pytrace:
        where = f"{feature.rel_filename}:{step.line_number}: {step.keyword} {step.name}"
        exception.msg = f"{where}\n{exception.msg}"


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                                      exception: BaseException) -> None:
    request.node.stash[_STEP_FAILED] = True


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_after_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    """A refusal provoked with "tries to" and never checked fails the scenario (unless a step
    failed already: that failure is the one to read)."""
    if "isoflow_world" in request.fixturenames and not request.node.stash.get(_STEP_FAILED, False):
        world: World = request.getfixturevalue("isoflow_world")
        language = getattr(feature, "language", "en")
        try:
            world.check_examined("vi" if language == "vi" else "en")
        except SpecFailure as failure:
            message = f"{feature.rel_filename}: {scenario.name}\n{failure}"
        else:
            return
        pytest.fail(message, pytrace=False)
