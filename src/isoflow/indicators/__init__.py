"""Service indicators: the formulas, the wired service report, its outputs and charts."""
