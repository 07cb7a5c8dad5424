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


def _annotated_page(tmp_path: Path) -> Path:
    """A made-up page and its labels, written the way the cleaning annotations are."""
    import hashlib
    import json

    lines = [
        "Skip to main content",
        "Talks on a ceasefire resume in Istanbul",
        "Negotiators from both sides met on Wednesday for a third round of talks there.",
        "The meeting lasted about an hour, officials said after it ended on Wednesday.",
        "Leave a Reply",
    ]
    labels = ["boilerplate", "headline", "body", "body", "boilerplate"]
    text = "\n".join(lines)
    (tmp_path / "p1.txt").write_text(text, encoding="utf-8")
    record = {
        "id": "p1",
        "source": "Made-up outlet",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "lines": [
            {"line": n, "sha": hashlib.sha256(line.encode()).hexdigest()[:12], "label": label}
            for n, (line, label) in enumerate(zip(lines, labels, strict=True), 1)
        ],
    }
    annotations = tmp_path / "labels.jsonl"
    annotations.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return annotations


def test_cleaning_eval_scores_a_labelled_page(tmp_path: Path) -> None:
    out = _run("cleaning_eval.py", "--pages", str(tmp_path), str(_annotated_page(tmp_path)))
    assert "boilerplate_removed: 2/2" in out
    assert "body_lines_lost: 0/2" in out
    assert "headlines_found: 1/1" in out
    assert "removed by reason" not in out


def test_cleaning_eval_counts_removed_boilerplate_by_reason(tmp_path: Path) -> None:
    annotations = str(_annotated_page(tmp_path))
    out = _run("cleaning_eval.py", "--pages", str(tmp_path), annotations, "--reasons")
    assert "removed by reason: {'navigation': 1, 'comment_form': 1}" in out


def test_cleaning_eval_refuses_a_text_that_is_not_the_annotated_one(tmp_path: Path) -> None:
    annotations = _annotated_page(tmp_path)
    (tmp_path / "p1.txt").write_text("another text", encoding="utf-8")
    script = str(ROOT / "bench" / "cleaning_eval.py")
    done = subprocess.run(
        [sys.executable, script, "--pages", str(tmp_path), str(annotations)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0 and "differs from the annotated one" in done.stderr
