"""``extract.heap``: one malloc heap where the C library is glibc."""
from __future__ import annotations

import platform

from extract.heap import use_one_heap


def test_glibc_takes_the_setting_and_others_are_left_alone():
    assert use_one_heap() is (platform.libc_ver()[0] == "glibc")
