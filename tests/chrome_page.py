"""A made-up page body for the cleaner's rule tests: chrome lines go between BODY and AFTER."""

from __future__ import annotations

from framing.clean import clean_text

BODY = (
    "Russian and Ukrainian negotiators met in Istanbul on Wednesday for a third round.\n"
    "The talks lasted about an hour, officials on both sides said after the meeting.\n"
    "Neither delegation gave details of the proposals it had put on the table there.\n"
)
AFTER = (
    "The Kremlin said the next round would take place in the same format next month.\n"
    "Ukraine's delegation reported to the president on Thursday, his office said.\n"
)


def reasons(text: str) -> dict[int, str]:
    """Line number -> reason of every line the cleaner removes from ``text``."""
    return {r.line: r.reason for r in clean_text(text).removals}
