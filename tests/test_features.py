"""Every procedure's feature file runs against the real engine, as part of the suite."""

from pathlib import Path

from pytest_bdd import scenarios

scenarios(str(Path(__file__).resolve().parents[1] / "features"))
