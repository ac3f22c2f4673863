"""One article in, its events out: time expressions, then events, repeats merged.

Every stage is a pure function of the one before; the store merges the events
of all articles (extract.merge) when it publishes a run.
"""
from __future__ import annotations

from extract.article import Article
from extract.events import find_events
from extract.merge import merge_events
from extract.model import Event

#: Bump when extraction changes, so the store re-reads articles it has already seen.
EXTRACTOR_VERSION = "1"


def extract_article(article: Article) -> list[Event]:
    """The events one article reports, one claim each, repeats within it merged."""
    return merge_events(find_events(article))
