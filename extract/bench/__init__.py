"""Benchmarks that print figures: ``python -m extract.bench timex IN.jsonl OUT.jsonl``."""
