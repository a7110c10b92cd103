"""The ``isoflow`` command: thin front ends over :mod:`isoflow.workspace` and :mod:`isoflow.desk`."""

from isoflow.cli.main import main as main

__all__ = ["main"]
