"""Figures to PNG, SVG and PDF bytes with one warm, headless Chromium (kaleido 1.x).

Kaleido 1.x drives a Chromium through choreographer. Starting one costs about two
seconds, rendering a figure in it a few tenths, so a process keeps ONE browser and
reuses it for every image: `renderer()` is that process-wide `Renderer`. It owns a
daemon thread running an asyncio loop that holds the open `kaleido.Kaleido`; callers
from any thread (Dash callbacks, the CLI, tests) hand it a figure and wait for the
bytes. Kaleido's tab queue renders one figure at a time; a browser that died is
started again once, then the error is reported.

Nothing here touches the network: the browser is found on disk (never downloaded),
plotly.js comes from the installed plotly package and MathJax is switched off (kaleido
would otherwise load it from a CDN). Choreographer runs Chromium headless with
``--no-sandbox --disable-gpu --disable-dev-shm-usage``, which it needs as root and in
containers.
"""
from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

CHROMIUM_ENV = "CHRONICLE_CHROMIUM"
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
PATH_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
IMAGE_FORMATS = ("png", "svg", "pdf")
START_TIMEOUT = 60.0     # s: opening the browser
RENDER_TIMEOUT = 90.0    # s: one figure

INSTALL_HINT = ("install it with `sudo apt-get install chromium` (Debian/Ubuntu) or "
                "`sudo make system-deps`, or point CHRONICLE_CHROMIUM at a Chrome/Chromium "
                "executable. CSV and JSON exports need no browser, and in the app the chart's "
                "own camera button still downloads a PNG.")


class ChromiumMissing(RuntimeError):
    """No Chromium to render images with; the message says how to install one."""


class RenderError(RuntimeError):
    """Chromium was there but could not render the figure."""


def find_chromium() -> str:
    """The Chromium to use: $CHRONICLE_CHROMIUM, else $BROWSER_PATH (choreographer's own
    variable), else the usual Debian paths, else chromium/chrome on PATH. Never downloads."""
    for variable in (CHROMIUM_ENV, "BROWSER_PATH"):
        value = os.environ.get(variable)
        if value:
            if Path(value).is_file() and os.access(value, os.X_OK):
                return value
            raise ChromiumMissing(f"{variable}={value!r} is not an executable file; fix it or "
                                  f"unset it. To get Chromium, {INSTALL_HINT}")
    for candidate in CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    for name in PATH_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing("Image export (PNG, SVG, PDF, PPTX) needs Chromium and none was found "
                          f"(looked at ${CHROMIUM_ENV}, $BROWSER_PATH, {', '.join(CANDIDATES)} and "
                          f"PATH). To fix it, {INSTALL_HINT}")


def chromium_available() -> bool:
    try:
        find_chromium()
    except ChromiumMissing:
        return False
    return True


class Renderer:
    """One headless Chromium, opened on first use and kept for every later render."""

    def __init__(self, browser: str | None = None) -> None:
        self._browser = browser
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self.starts = 0           # how many browsers this renderer has opened
        self._exit_hook = False

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        """Open the browser now (else the first render does); idempotent, thread-safe."""
        with self._lock:
            if self._kaleido is not None:
                return
            path = self._browser or find_chromium()
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(target=self._loop.run_forever,
                                                name="chronicle-renderer", daemon=True)
                self._thread.start()
            try:
                self._kaleido = self._call(self._open(path), START_TIMEOUT)
            except ChromiumMissing:
                raise
            except Exception as exc:   # choreographer's errors: say which browser failed
                raise RenderError(f"could not start Chromium at {path}: {exc}") from exc
            self.starts += 1
            if not self._exit_hook:
                # registered after kaleido's temporary folders (atexit runs last-in first-out),
                # so Chromium is closed before those folders are removed
                atexit.register(self.close)
                self._exit_hook = True

    async def _open(self, path: str) -> Any:
        import kaleido  # noqa: F401 - fails here, clearly, when kaleido is missing; loading it costs ~0.3 s, and CSV/JSON need none of it
        from choreographer.errors import ChromeNotFoundError

        try:
            browser = _quick_kaleido_class()(n=1, path=path, mathjax=False, timeout=RENDER_TIMEOUT)
        except ChromeNotFoundError as exc:
            raise ChromiumMissing(f"Chromium at {path} could not be used ({exc}). "
                                  f"To fix it, {INSTALL_HINT}") from None
        await browser.open()
        return browser

    def close(self) -> None:
        """Close the browser and stop the thread (atexit does this too)."""
        with self._lock:
            if self._kaleido is not None:
                try:
                    self._call(self._kaleido.close(), 15)
                except Exception:   # noqa: BLE001 - closing a dead browser
                    pass
                self._kaleido = None
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self._loop.stop)
                if self._thread is not None:
                    self._thread.join(timeout=5)
                self._loop.close()
                self._loop = None
                self._thread = None

    def _call(self, coroutine, timeout: float):
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise RenderError(f"Chromium did not answer within {timeout:.0f} s") from None

    def _restart(self) -> None:
        with self._lock:
            browser, self._kaleido = self._kaleido, None
            if browser is not None:
                try:
                    self._call(browser.close(), 15)
                except Exception:   # noqa: BLE001
                    pass
        self.start()

    # -- rendering ------------------------------------------------------------------------

    def render(self, figure: go.Figure | dict, fmt: str, width: int, height: int,
               scale: float = 1.0) -> bytes:
        """The figure as PNG, SVG or PDF bytes, ``width`` x ``height`` layout pixels
        (PNG: times ``scale`` physical pixels)."""
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"cannot render {fmt!r}: one of {', '.join(IMAGE_FORMATS)}")
        spec = figure.to_dict() if hasattr(figure, "to_dict") else figure
        opts = dict(format=fmt, width=int(width), height=int(height), scale=scale)
        for attempt in (1, 2):
            self.start()
            try:
                return self._call(self._kaleido.calc_fig(spec, opts=opts), RENDER_TIMEOUT + 5)
            except (ChromiumMissing, ValueError, TypeError):
                raise
            except Exception as exc:   # a browser that crashed or hung: one fresh start
                if attempt == 2:
                    raise RenderError(f"Chromium could not render the {fmt.upper()}: {exc}") from exc
                self._restart()
        raise AssertionError("unreachable")


_QUICK: type | None = None


def _quick_kaleido_class() -> type:
    """kaleido.Kaleido, except that a used tab is reloaded after the caller has its
    bytes, not before: kaleido 1.5 reloads the page (plotly.js and all, ~0.2 s) between
    renders and makes the caller wait for it. The next render still waits for the tab
    (it comes back through the same queue), so every render gets a fresh page."""
    global _QUICK
    if _QUICK is None:
        import kaleido

        class QuickKaleido(kaleido.Kaleido):
            _reloads: set

            async def _return_kaleido_tab(self, tab) -> None:
                if not hasattr(self, "_reloads"):
                    self._reloads = set()

                async def reload_then_return() -> None:
                    try:
                        await tab.reload()
                    except Exception:   # noqa: BLE001 - a dead tab fails the next render, which restarts
                        pass
                    finally:
                        await self.tabs_ready.put(tab)

                task = asyncio.get_running_loop().create_task(reload_then_return())
                self._reloads.add(task)
                task.add_done_callback(self._reloads.discard)

            async def close(self) -> None:
                for task in list(getattr(self, "_reloads", ())):
                    task.cancel()
                await super().close()

        _QUICK = QuickKaleido
    return _QUICK


_shared: Renderer | None = None
_shared_lock = threading.Lock()


def renderer() -> Renderer:
    """The process's one renderer (created on first use, closed at exit)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Renderer()
        return _shared


def warm_up_in_background() -> threading.Thread | None:
    """Start the shared browser in a background thread, so the app's first export is
    fast; does nothing (returns None) when there is no Chromium."""
    if not chromium_available():
        return None

    def run() -> None:
        try:
            renderer().start()
        except Exception:   # noqa: BLE001 - the export itself will report it
            pass

    thread = threading.Thread(target=run, name="chronicle-renderer-warmup", daemon=True)
    thread.start()
    return thread
