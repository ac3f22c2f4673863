"""``extract.side_process``: a stateful step run in a process of its own."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.side_process import SideProcessError, map_in_process


class _RunningTotal:
    """A step with state: each answer depends on every batch before it."""

    def __init__(self) -> None:
        self.total = 0

    def __call__(self, batch: list[int]) -> tuple[int, int]:
        self.total += sum(batch)
        return os.getpid(), self.total


def running_total() -> _RunningTotal:
    return _RunningTotal()


def fails_on_the_third() -> object:
    seen = []

    def step(batch: int) -> int:
        seen.append(batch)
        if len(seen) == 3:
            raise ValueError(f"batch {batch} is bad")
        return batch * 2
    return step


def dies_on_the_second() -> object:
    seen = []

    def step(batch: int) -> int:
        seen.append(batch)
        if len(seen) == 2:
            os._exit(3)
        return batch
    return step


def test_answers_come_in_order_from_one_other_process_that_keeps_its_state():
    answers = list(map_in_process(running_total, ([i, i] for i in range(10)), window=2))
    assert [total for _pid, total in answers] == [0, 2, 6, 12, 20, 30, 42, 56, 72, 90]
    assert len({pid for pid, _total in answers}) == 1
    assert answers[0][0] != os.getpid()


def test_no_batches_no_answers():
    assert list(map_in_process(running_total, [])) == []


def test_a_failing_step_raises_with_its_traceback():
    answers = map_in_process(fails_on_the_third, range(1, 10), window=1)
    assert [next(answers), next(answers)] == [2, 4]
    with pytest.raises(SideProcessError, match=r"(?s)the side process failed:.*"
                                               r"ValueError: batch 3 is bad"):
        next(answers)


def test_a_process_that_dies_is_reported_not_waited_for():
    with pytest.raises(SideProcessError, match=r"the side process ended \(exit code 3\) "
                                               "without answering"):
        list(map_in_process(dies_on_the_second, range(5), window=1))


def test_stopping_early_ends_the_process():
    answers = map_in_process(running_total, ([1] for _ in range(100)), window=1)
    pid, total = next(answers)
    assert total == 1
    answers.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_the_process_ends_when_its_caller_is_killed(tmp_path):
    """A run killed with SIGKILL leaves no grouping process behind: it sees its caller
    gone while it waits for the next batch."""
    root = Path(__file__).resolve().parents[1]
    script = tmp_path / "caller.py"
    script.write_text(
        "import sys, time\n"
        "from extract.side_process import map_in_process\n"
        "import test_side_process as t\n"
        "if __name__ == '__main__':\n"
        "    answers = map_in_process(t.running_total, ([1] for _ in iter(int, 1)), window=1)\n"
        "    print(next(answers)[0], flush=True)\n"
        "    time.sleep(60)\n")
    caller = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(root / "tests")])})
    side = int(caller.stdout.readline())
    os.kill(caller.pid, signal.SIGKILL)
    caller.wait()
    deadline = time.monotonic() + 10
    while _running(side):
        assert time.monotonic() < deadline, "the side process outlived its caller"
        time.sleep(0.05)


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie, dead but not yet reaped by init,
    counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
