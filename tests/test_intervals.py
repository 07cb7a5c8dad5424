"""Intervals answers as a scan of the list would (framing/intervals.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.intervals import Intervals

ranges = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=30,
)
points = st.integers(-2, 85)


@given(ranges, points, points)
def test_queries_equal_a_scan(rs: list[tuple[int, int]], a: int, b: int) -> None:
    ix = Intervals(rs)
    holding = [i for i, (s, e) in enumerate(rs) if s <= a < e]
    over = [i for i, (s, e) in enumerate(rs) if s < b and e > a]
    assert ix.containing(a) == holding
    assert ix.first_containing(a) == (holding[0] if holding else None)
    assert ix.overlapping(a, b) == over
    assert ix.any_overlapping(a, b) == bool(over)


def _widened_by_scan(rs: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for s, e in rs:
        if s < end and start < e:
            start, end = min(start, s), max(end, e)
    return start, end


@given(ranges.map(sorted).map(lambda rs: [(s, e) for s, e in rs if e > s]), points, points)
def test_widened_equals_the_scan_it_replaces(rs: list[tuple[int, int]], a: int, b: int) -> None:
    assert Intervals(rs).widened(a, max(a, b)) == _widened_by_scan(rs, a, max(a, b))


def test_widened_refuses_ranges_out_of_order() -> None:
    with pytest.raises(ValueError, match="in order"):
        Intervals([(5, 9), (1, 2)]).widened(0, 3)


def test_a_long_range_and_many_short_ones_inside() -> None:
    """The case that made the scans quadratic: an unclosed quotation running to the end
    of a one-line article, and every later quotation inside it."""
    rs = [(0, 10**6), *((i, i + 5) for i in range(10, 10**6, 10))]
    ix = Intervals(rs)
    assert ix.containing(12) == [0, 1]
    assert ix.first_containing(999_999) == 0
    assert ix.overlapping(100, 120) == [0, 10, 11]
