"""The review engine: loading, segmenting, checklists, prefill. Never imports Qt."""
