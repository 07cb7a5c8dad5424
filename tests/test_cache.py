"""The result cache: bounded, least recently used evicted, shown and emptied by the CLI."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from framing.cache import CacheSizeError, ResultCache, parse_size
from framing.cli import ExitStatus, main
from framing.corpus import Article
from framing.run import Settings, analyze_article, analyze_chunk
from framing.tables import TableParts

TEXT = "The envoy said the talks in Geneva went well, and Kyiv agreed to meet again."


def _parts(n: int) -> TableParts:
    article = Article(article_id=f"a{n}", file=f"a{n}.txt", text=f"{TEXT} Round {n}.")
    return analyze_chunk(analyze_article, [article], Settings())


def test_the_cache_stays_under_its_limit_evicting_the_least_recently_used(tmp_path: Path) -> None:
    probe = ResultCache(tmp_path / "probe")
    probe.put("00probe", _parts(0))
    entry = probe.info().bytes
    cache = ResultCache(tmp_path / "c", max_bytes=int(entry * 4.5))
    keys = [f"{i:02d}" + "k" * 62 for i in range(8)]
    for i, key in enumerate(keys[:4]):
        cache.put(key, _parts(i))
        os.utime(cache._path(key), (time.time() - 100 + i, time.time() - 100 + i))
    assert cache.get(keys[0]) is not None  # read now: the most recently used
    for i, key in enumerate(keys[4:6], 4):
        cache.put(key, _parts(i))
    info = cache.info()
    assert info.bytes <= cache.max_bytes
    assert keys[0] in cache and keys[5] in cache
    assert keys[1] not in cache  # the least recently used went first


def test_cache_info_and_clear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("FRAMING_CACHE_SIZE", "2G")
    ResultCache().put("ab" + "0" * 62, _parts(1))
    assert main(["cache", "info"]) == ExitStatus.OK
    out = capsys.readouterr().out
    assert f"folder   {tmp_path / 'c'}" in out and "entries  1" in out and "of 2000 MB" in out
    assert main(["cache", "clear"]) == ExitStatus.OK
    assert "removed 1 entry" in capsys.readouterr().out
    assert ResultCache().info().entries == 0


def test_a_bad_cache_size_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRAMING_CACHE_SIZE", "lots")
    assert main(["cache", "info"]) == ExitStatus.ERROR
    assert "not a cache size: 'lots'" in capsys.readouterr().err
    with pytest.raises(CacheSizeError):
        parse_size("-1G")
    assert parse_size("1G") == 1_000_000_000 and parse_size("750k") == 750_000
