"""Events: dated, sourced events found in an article's sentences (see detect.py)."""
from .detect import find_events

__all__ = ["find_events"]
