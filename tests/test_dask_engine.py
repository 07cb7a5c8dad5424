"""The Dask engine on a LocalCluster writes what the local engine writes, plus datasets."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest

from framing.cli import ExitStatus, main
from tests.conftest import SEEDS

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

IDENTICAL = [
    "articles.csv",
    "terms.csv",
    "quotes.csv",
    "sentences.csv",
    "cleaning.csv",
    "errors.csv",
    "summary.csv",
    "summary.json",
]


@pytest.mark.slow
def test_dask_engine_matches_local_engine(tmp_path: Path) -> None:
    common = ["analyze", str(SEEDS), "--quiet", "--no-report", "--no-cache"]
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert main([*common, "--out", str(local), "--workers", "1"]) == ExitStatus.OK
    assert main([*common, "--out", str(remote), "--engine", "dask", "--workers", "2"]) == 0
    for name in IDENTICAL:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name

    articles = pd.read_csv(local / "articles.csv")
    parts = sorted((remote / "parquet" / "articles").glob("source=*/part-*.parquet"))
    assert len(parts) == articles["source"].nunique()
    for part in parts:
        source = unquote(part.parent.name.removeprefix("source="))  # hive names are URL-encoded
        sentences = pd.read_parquet(local / "sentences.parquet")
        expected = sentences[sentences["source"] == source]
        got = pd.read_parquet(remote / "parquet" / "sentences" / part.parent.name)
        assert list(got["sentence_idx"]) == list(expected["sentence_idx"])  # input row order
        assert list(got["text"]) == list(expected["text"])


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    args = ["analyze", str(SEEDS), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"]
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == ExitStatus.USAGE


def test_unreachable_scheduler_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dask = pytest.importorskip("dask")
    out = tmp_path / "o"
    args = ["analyze", str(SEEDS), "--out", str(out), "--engine", "dask"]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        status = main([*args, "--scheduler", "tcp://127.0.0.1:1"])
    assert status == ExitStatus.ERROR
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in err
    assert "cannot write" not in err and "Traceback" not in err
    assert not out.exists()
