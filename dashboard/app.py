"""The app factory: one Dash app over one store.

``create_app(db)`` is what ``python -m dashboard`` serves and what the browser tests
start; nothing is read at import time, and a missing store is shown in the page.
"""
from __future__ import annotations

from pathlib import Path

from dash import Dash

from extract.store import DEFAULT_PATH

from . import callbacks, export_ui, layout
from .data import Source

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def create_app(db: str | Path = DEFAULT_PATH) -> Dash:
    """A Dash app showing the store at ``db`` (read again whenever the file changes)."""
    source = Source(db)
    app = Dash(__name__, assets_folder=str(ASSETS), title="Chronicle", update_title=None,
               serve_locally=True)
    app.layout = lambda: layout.build(source.get())
    callbacks.register(app, source)
    export_ui.register_export_callbacks(app, lambda: source.get().events)
    return app
