"""One malloc heap for the whole process, so a long run's memory stays flat.

glibc's malloc gives a thread that allocates while another holds the heap a heap of its
own (an "arena"), up to eight per core. A run's worker pool has threads that unpickle
every result and pickle every batch; what they allocate is freed by the main thread,
into their arenas, where it stays, scattered, and each arena grows on its own. On 40,000
articles that was 14 MB of the run's peak. With one heap, what is freed is used again.
"""
from __future__ import annotations

import ctypes

_M_ARENA_MAX = -8       # mallopt's parameter number, from glibc's <malloc.h>


def use_one_heap() -> bool:
    """Ask glibc to give no thread of this process a heap of its own (threads made
    before keep theirs). Whether it took: False where the C library is not glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):       # not a C library with mallopt
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(_M_ARENA_MAX, 1) == 1
