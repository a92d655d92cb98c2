"""Prefill accuracy: gold files, quote location, scoring and the report of ``python -m desktop eval``."""
