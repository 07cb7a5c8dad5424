"""The benchmarks run end to end on a small corpus (their figures are not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_throughput_compares_checks_and_times_stages() -> None:
    out = _run("throughput.py", "--articles", "40", "--rounds", "1", "--workers", "2", "--stages")
    assert re.search(r"identical values: \d+ VADER scores", out)
    assert re.search(r"framing / naive, 1 core\s+\d+\.\d+ x median of 1", out)
    assert re.search(r"speed-up with 2 workers\s+\d+\.\d+ x median of 1", out)
    assert re.search(r"the machine, same rounds\s+\d+\.\d+ x", out)
    assert re.search(r"on 2 dedicated cores\s+\d+\.\d+ x projected from CPU time", out)
    assert "  quotes " in out and "  coverage mentions " in out


def test_throughput_cold_forgets_the_vocabulary() -> None:
    out = _run("throughput.py", "--articles", "20", "--rounds", "1", "--no-check", "--cold")
    assert re.search(r"best framing, cold \(1 core\)\s+\d+\.\d+ articles/s", out)


def test_memory_reports_peak_rss_of_main_and_workers() -> None:
    out = _run("memory.py", "--articles", "40", "--workers", "2")
    assert re.search(r"40 articles .* peak RSS main +\d+\.\d+ MB, largest worker +\d+\.\d+ MB", out)
