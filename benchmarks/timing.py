"""The one timing rule of the benchmarks: the best of a few runs (the least disturbed by the machine)."""
from __future__ import annotations

import time


def best(fn, repeat: int = 5) -> float:
    """Seconds of the fastest of `repeat` calls of fn()."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)
