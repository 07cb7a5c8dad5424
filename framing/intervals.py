"""Which of a set of character ranges hold a point or overlap a range, in logarithmic time.

The extractors ask such questions once per quotation, reporting verb or match (is this
verb inside a quotation? which quotations overlap this clause?). Answered by reading
every range, they cost time in proportion to the number of ranges each, so an article
of many quotations (a long one, or one on a single line) takes time in the square of its
length. :class:`Intervals` answers them from the ranges sorted by start and a max-tree
over their ends (a segment tree, Cormen et al., *Introduction to Algorithms*, 3rd ed.,
ch. 14.3 "Interval trees", in its static form): each answer costs O(log n) per range
found, plus O(log n).

Answers are the ranges' indices in the order they were given, as a scan of the list
would find them, so code that reads the first or the last one found keeps its meaning.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

_NONE = -1 << 62  # below every end: a leaf that holds no range


class Intervals:
    """Half-open ranges ``[start, end)`` indexed for point and overlap queries.

    >>> ix = Intervals([(0, 10), (2, 4), (5, 6), (8, 20)])
    >>> ix.containing(3), ix.first_containing(9), ix.overlapping(4, 9)
    ([0, 1], 0, [0, 2, 3])
    """

    __slots__ = ("_ends", "_in_order", "_leaves", "_order", "_running_max", "_starts", "_tree")

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        order = sorted(range(len(ranges)), key=lambda i: ranges[i][0])  # stable
        self._order = order
        self._in_order = all(i == p for p, i in enumerate(order))
        self._starts = [ranges[i][0] for i in order]
        self._ends = [ranges[i][1] for i in order]
        leaves = 1
        while leaves < len(order):
            leaves *= 2
        tree = [_NONE] * (2 * leaves)
        tree[leaves : leaves + len(order)] = self._ends
        for node in range(leaves - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._leaves, self._tree = leaves, tree
        self._running_max = list(itertools.accumulate(self._ends, max))

    def __len__(self) -> int:
        return len(self._order)

    def _ending_after(self, pos: int, before: int, *, first: bool = False) -> list[int]:
        """Sorted positions ``p < before`` whose range ends after ``pos``, ascending
        (only the first when ``first``): a left-first walk of the max-tree that skips
        every subtree whose ranges all end at or before ``pos``."""
        tree, leaves = self._tree, self._leaves
        found: list[int] = []
        stack = [(1, 0, leaves)]
        while stack:
            node, lo, hi = stack.pop()
            if lo >= before or tree[node] <= pos:
                continue
            if node >= leaves:
                found.append(lo)
                if first:
                    break
                continue
            mid = (lo + hi) // 2
            stack.append((2 * node + 1, mid, hi))
            stack.append((2 * node, lo, mid))
        return found

    def _stabbing(self, pos: int, before: int) -> list[int]:
        """:meth:`_ending_after`, at once when no range before ``before`` ends after ``pos``
        (the running maximum of the ends says so): the usual case, no range holding it."""
        if before <= 0 or self._running_max[before - 1] <= pos:
            return []
        return self._ending_after(pos, before)

    def _indices(self, positions: list[int]) -> list[int]:
        if self._in_order:
            return positions
        return sorted(self._order[p] for p in positions)

    def _overlapping(self, start: int, end: int) -> list[int]:
        """Sorted positions of the ranges overlapping ``[start, end)``: those that hold
        ``start`` (found in the tree) and those that start in it (a slice)."""
        first = bisect.bisect_left(self._starts, start)
        stop = bisect.bisect_left(self._starts, end)
        if stop <= first:
            return self._stabbing(start, stop)
        ends = self._ends
        inside = [p for p in range(first, stop) if ends[p] > start]
        return self._stabbing(start, first) + inside

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices of the ranges with ``range_start < end and range_end > start``."""
        return self._indices(self._overlapping(start, end))

    def any_overlapping(self, start: int, end: int) -> bool:
        """Whether :meth:`overlapping` finds any range."""
        return bool(self._overlapping(start, end))

    def containing(self, pos: int) -> list[int]:
        """Indices of the ranges with ``range_start <= pos < range_end``."""
        return self._indices(self._stabbing(pos, bisect.bisect_right(self._starts, pos)))

    def first_containing(self, pos: int) -> int | None:
        """The lowest index of a range holding ``pos``, or None."""
        before = bisect.bisect_right(self._starts, pos)
        if self._in_order:
            # the first range that ends after pos is where the running maximum of the
            # ends first passes pos
            first = bisect.bisect_right(self._running_max, pos)
            return first if first < before else None
        found = self._indices(self._stabbing(pos, before))
        return found[0] if found else None

    def widened(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` widened, range by range in list order, by each range it then
        overlaps (so a range it reaches only once widened counts too); ranges given in
        order of start only.

        The first range that overlaps is the first to end after ``start``; every later
        one that starts before the widened end overlaps it too, so the end grows to the
        running maximum of the ends until no range starting before it ends past it.
        """
        if not self._in_order:
            raise ValueError("widened() needs ranges given in order of their start")
        first = bisect.bisect_right(self._running_max, start)
        if first >= len(self._starts) or self._starts[first] >= end:
            return start, end
        start = min(start, self._starts[first])
        while True:
            reach = max(end, self._running_max[bisect.bisect_left(self._starts, end) - 1])
            if reach == end:
                return start, end
            end = reach
