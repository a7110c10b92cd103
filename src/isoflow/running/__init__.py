"""Behaviour: the compiled process, the engine, the legal clock, the working calendar, regimes.

Pure: ``now`` and the actor are arguments.  The only stage that imports ``transitions``.
"""
