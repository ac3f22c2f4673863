"""``extract.heap``: one malloc heap, and freed memory given back, where the C library
is glibc."""
from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from extract.heap import use_one_heap

GLIBC = platform.libc_ver()[0] == "glibc"

# In a fresh interpreter, whose heap is in a known state: 40 MB of blocks below glibc's
# mmap threshold, each followed by a small object kept alive, so that freeing the blocks
# leaves holes the heap cannot shrink over; then how many MB the process gives back.
_HOLES = """
import sys
from extract.heap import give_back_freed

def resident_anonymous_mb():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("RssAnon:"))
    return int(line.split()[1]) / 1024

blocks, pins = [], []
for i in range(400):
    blocks.append(b"x" * (100_000 + i))     # sizes vary: a constant product would be one shared object
    pins.append(b"p" * (600 + i))
del blocks
before = resident_anonymous_mb()
if sys.argv[1] == "give back":
    assert give_back_freed() is True
print(before - resident_anonymous_mb())
"""


def test_glibc_takes_the_setting_and_others_are_left_alone():
    assert use_one_heap() is GLIBC


def _given_back_mb(how: str) -> float:
    done = subprocess.run([sys.executable, "-c", _HOLES, how], capture_output=True,
                          text=True, check=True)
    return float(done.stdout)


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_freed_memory_in_the_middle_of_the_heap_is_given_back():
    assert _given_back_mb("keep") < 5
    assert _given_back_mb("give back") > 30
