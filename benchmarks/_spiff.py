"""SpiffWorkflow 3.2 running the engine benchmark's procedure as BPMN: the anchor of its figures.

isoflow's engine is judged against a general BPMN engine running *the same procedure*, in the
same run of the benchmark, on the same machine: ``spiff/procedure.bpmn`` is ``QT-BENCH-01``
of ``bench_engine.py`` (six user tasks, each followed by an exclusive gateway whose condition
is the action's guard, word for word; the default flow leads back to the task, as a refused
action leaves a dossier where it was).

Two modes, each a ``make`` returning ``(run, cleanup)`` like the variants of
``bench_engine.py`` (setup outside the timing; ``run`` does all lifecycles once):

* :func:`in_memory`: a lifecycle creates a ``BpmnWorkflow`` from the parsed spec (the
  receipt, with the dossier's data), then completes the six user tasks in turn, running the
  engine steps (gateways, conditions) after each;
* :func:`on_sqlite`: the same, and after the receipt and after each task the whole workflow
  is serialised with Spiff's own ``BpmnWorkflowSerializer`` (JSON) and written to SQLite
  (WAL, ``synchronous=NORMAL``, one transaction per task: an ``INSERT`` at receipt, then an
  ``UPDATE ... WHERE version = ?``), which is how a durable Spiff deployment keeps state.
  This is the durable anchor ``_durable.py`` compares isoflow's SQLite desk with.

Nothing here imports isoflow: the procedure is the BPMN file, the data and the order of the
tasks are arguments.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

BPMN = Path(__file__).resolve().parent / "spiff" / "procedure.bpmn"
PROCESS_ID = "qt_bench_01"
#: The user tasks of a lifecycle, in order (the isoflow steps the six actions leave).
TASKS = ("tiep_nhan", "phan_cong", "tham_dinh", "ky_duyet", "dong_dau", "tra_ket_qua")

Run = Callable[[], None]


def load_spec(path: Path = BPMN) -> BpmnProcessSpec:
    """The parsed process: parsing is setup, done once, as isoflow compiles once."""
    parser = BpmnParser()
    parser.add_bpmn_file(str(path))
    return parser.get_spec(PROCESS_ID)


def _receive(spec: BpmnProcessSpec, data: Mapping[str, Any]) -> BpmnWorkflow:
    workflow = BpmnWorkflow(spec)
    start = workflow.get_next_task(state=TaskState.READY)
    if start is None:
        raise AssertionError("the BPMN process has no ready start")
    start.data.update(data)
    workflow.do_engine_steps()
    return workflow


def _complete(workflow: BpmnWorkflow, expected: str) -> None:
    """Complete the ready user task (which must be ``expected``) and run the gateways after it."""
    task = workflow.get_next_task(state=TaskState.READY, manual=True)
    if task is None or task.task_spec.bpmn_id != expected:
        raise AssertionError(f"expected the user task {expected!r}, got {task and task.task_spec.bpmn_id!r}")
    task.run()
    workflow.do_engine_steps()


def in_memory(spec: BpmnProcessSpec, n: int, data: Mapping[str, Any],
              tasks: Sequence[str] = TASKS) -> Callable[[], tuple[Run, Run]]:
    """``n`` lifecycles in memory: receipt, then each user task completed and the gateways run."""
    def make() -> tuple[Run, Run]:
        def run() -> None:
            for _ in range(n):
                workflow = _receive(spec, data)
                for expected in tasks:
                    _complete(workflow, expected)
                if not workflow.is_completed():
                    raise AssertionError("the workflow did not reach its end event")
        return run, _nothing
    return make


SCHEMA = "CREATE TABLE workflows (code TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL)"


def connect(path: str) -> sqlite3.Connection:
    """An SQLite file set up like isoflow's and the raw floor's: WAL, ``synchronous=NORMAL``."""
    conn = sqlite3.connect(path, isolation_level=None)
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise AssertionError(f"journal_mode is {mode}, not wal")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(SCHEMA)
    return conn


def on_sqlite(spec: BpmnProcessSpec, codes: Sequence[str], data: Mapping[str, Any], path: Callable[[], str],
              tasks: Sequence[str] = TASKS) -> Callable[[], tuple[Run, Run]]:
    """One lifecycle per code, the workflow serialised to SQLite after the receipt and each task.

    ``path()`` names a fresh database file for each timed run (the caller's temporary folder).
    """
    serializer = BpmnWorkflowSerializer()

    def make() -> tuple[Run, Run]:
        conn = connect(path())

        def run() -> None:
            execute = conn.execute
            for code in codes:
                workflow = _receive(spec, data)
                execute("BEGIN IMMEDIATE")
                execute("INSERT INTO workflows (code, version, body) VALUES (?, 1, ?)",
                        (code, serializer.serialize_json(workflow)))
                execute("COMMIT")
                for version, expected in enumerate(tasks, start=2):
                    _complete(workflow, expected)
                    execute("BEGIN IMMEDIATE")
                    cursor = execute("UPDATE workflows SET version = ?, body = ? WHERE code = ? AND version = ?",
                                     (version, serializer.serialize_json(workflow), code, version - 1))
                    if cursor.rowcount != 1:
                        raise AssertionError(code)
                    execute("COMMIT")
                if not workflow.is_completed():
                    raise AssertionError("the workflow did not reach its end event")
        return run, conn.close
    return make


def _nothing() -> None:
    return None
