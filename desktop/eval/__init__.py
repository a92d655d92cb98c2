"""Prefill accuracy: gold-label files, quote location, scoring and the report of ``python -m desktop eval``."""
