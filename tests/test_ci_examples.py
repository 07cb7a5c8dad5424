"""The CI conventions: the pre-commit hook and the example workflow say what they run."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from framing.cli import main
from tests.conftest import ROOT


def test_pre_commit_hook_runs_framing_lint_on_articles() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "framing-lint" and hook["entry"] == "framing lint"
    assert hook["language"] == "python"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    assert files.search("articles/a.md") and files.search("a.jsonl")
    assert exclude.search("articles/sources.csv") and not files.search("setup.py")


def test_pre_commit_style_call_exits_3_on_a_finding(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The talks in Kiev went on for hours, officials said.\n", "utf-8")
    assert main(["lint", str(article)]) == 3  # what pre-commit runs: entry + staged files


def test_workflow_compares_with_the_baseline_into_the_job_summary() -> None:
    workflow = yaml.safe_load((ROOT / "examples" / "framing-compare.yml").read_text("utf-8"))
    steps = workflow["jobs"]["framing"]["steps"]
    scripts = "\n".join(str(step.get("run", "")) for step in steps)
    assert "framing compare examples/baseline/summary.json out" in scripts
    assert '>> "$GITHUB_STEP_SUMMARY"' in scripts and "exit $status" in scripts
    baseline = ROOT / "examples" / "baseline" / "summary.json"
    assert main(["compare", str(baseline), str(baseline)]) == 0
