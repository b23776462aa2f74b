"""The one timing rule of the benchmarks: the best of a few runs (the least disturbed by the machine),
each started as a fresh process starts: the garbage of the run before collected, untimed."""
from __future__ import annotations

import gc
import time
from typing import Callable


def best(fn, repeat: int = 5, before: Callable[[], None] | None = None) -> float:
    """Seconds of the fastest of `repeat` calls of fn(). Before each call, untimed: `before()` if
    given, then a full garbage collection — otherwise a run pays for collecting what the previous
    run (or the other library's) left, which a fresh process never has."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)
