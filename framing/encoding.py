"""Which encoding a file of text is in, decided on its whole byte string, and how sure.

A byte-order mark decides (UTF-8, UTF-16); else valid UTF-8 is UTF-8 (text in a legacy
8-bit encoding is almost never valid UTF-8: Dürst 1997, "The Properties and Promises
of UTF-8"). Else each legacy code page this tool meets in news text (cp1252, the
Western one; cp1251 and KOI8-R, the Cyrillic ones) decodes the bytes and the results
are compared by how many of their words are implausible:

* a word that mixes scripts (Latin and Cyrillic letters in one word: "cafй", the
  "é" of café read as cp1251);
* a Latin word holding a run of three or more non-ASCII letters ("Êèåâ": "Киев" in
  cp1251 read as cp1252, the Latin-1 mojibake the letters Ð, Ñ, Ê, è mark);
* a word with a capital after a small letter among its non-ASCII letters ("лЙЕЧ":
  KOI8-R read as cp1251 swaps the case of every Cyrillic letter).

Only words with a non-ASCII letter count: the ASCII ones read alike in every
candidate. The fewest implausible words win (ties: cp1252, cp1251, KOI8-R, in that
order); bytes that are not cp1252 and that no Cyrillic code page reads without
implausible words are refused. The decision is *uncertain* when the winner keeps
implausible words, or beats the next candidate by fewer than :data:`SURE_MARGIN`
words; then a warning names the encoding chosen.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

LEGACY_CANDIDATES = ("cp1252", "cp1251", "koi8_r")
SURE_MARGIN = 2  # implausible words by which the winner must beat the next candidate
_WORD = re.compile(r"[^\W\d_]+")  # runs of letters
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


class Decoded(NamedTuple):
    """Text, the encoding it was decoded from, and why that choice is uncertain ("" if
    it is not)."""

    text: str
    encoding: str
    doubt: str = ""


class UndecodableError(ValueError):
    """The bytes are text in no encoding this tool reads (the message says why)."""


@cache
def _script(ch: str) -> str:
    """The script of a letter as Unicode names it ("LATIN", "CYRILLIC", ...)."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def implausible(word: str) -> bool:
    """Whether a word of letters holding a non-ASCII letter reads as mis-decoded text."""
    scripts = {_script(ch) for ch in word}
    if len(scripts) > 1:
        return True
    run = 0
    lower_seen = False
    for ch in word:
        if ch.isascii():
            run = 0
            continue
        run += 1
        if run >= 3 and "LATIN" in scripts:
            return True
        if ch.isupper() and lower_seen:
            return True
        lower_seen = lower_seen or ch.islower()
    return False


def implausible_words(text: str) -> int:
    """How many words with a non-ASCII letter in ``text`` are :func:`implausible`."""
    return sum(
        1 for m in _WORD.finditer(text) if not m.group().isascii() and implausible(m.group())
    )


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole file's bytes (module doc); raises UndecodableError."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    f"cannot decode: starts with a {codec} byte-order mark, but {exc.reason}"
                ) from None
    if b"\x00" in data:
        raise UndecodableError("looks like a binary file (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return decode_legacy(data)


def decode_legacy(data: bytes) -> Decoded:
    """The legacy code page whose decoding of ``data`` has the fewest implausible words."""
    scored: list[tuple[int, int, str, str]] = []
    for rank, codec in enumerate(LEGACY_CANDIDATES):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((implausible_words(text), rank, codec, text))
    scored.sort()
    if not scored or (scored[0][0] and all(c != "cp1252" for _, _, c, _ in scored)):
        # not Western text, and no Cyrillic reading is plausible: binary or broken
        try:
            data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UndecodableError(
                f"cannot decode: not UTF-8, and byte 0x{data[exc.start]:02X} at offset "
                f"{exc.start} is not a character in cp1252, nor does cp1251 or KOI8-R "
                "read the text plausibly"
            ) from None
    bad, _, codec, text = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else None
    doubt = ""
    if bad:
        doubt = f"{bad} word{'s' * (bad != 1)} still look{'s' * (bad == 1)} mis-decoded"
    elif runner_up is not None and runner_up - bad < SURE_MARGIN and text != scored[1][3]:
        doubt = f"{scored[1][2]} reads {runner_up} word{'s' * (runner_up != 1)} worse only"
    return Decoded(text, codec, doubt)
