"""Shared pytest set-up: browser tests (dash.testing's ``dash_duo``) run in headless
Chromium with the flags this kind of machine needs.

Both hooks are no-ops without dash[testing]'s plugin, so a run without it still works.
Set CHRONICLE_HEADED=1 to watch the browser instead.
"""
from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1600,1000")


def pytest_configure(config: pytest.Config) -> None:
    """Headless by default (the same as passing dash's ``--headless``)."""
    if hasattr(config.option, "headless") and not os.environ.get("CHRONICLE_HEADED"):
        config.option.headless = True


@pytest.hookimpl(optionalhook=True)
def pytest_setup_options():
    """dash.testing's hook: the Chrome options its webdriver starts with."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    for binary in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if binary and os.path.exists(binary):
            options.binary_location = binary
            break
    return options
