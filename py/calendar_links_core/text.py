"""Text as every output takes it: normalised once (line ends, controls, lone surrogates), cut
without splitting what a person sees as one character, and whether an attribute says anything.

Pure; used by the draft, the record link and the calendars.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Final, TypeGuard

__all__ = [
    "is_given",
    "kept_when_short",
    "normalised_text",
    "visible_prefix",
]


def kept_when_short(function: Callable[[str], str]) -> Callable[[str], str]:
    """function, remembering its results for arguments of at most 300 characters."""
    # The same labels, names and URLs come back for every field of a record and every check
    # of a field. Long texts (a description, a hostile page's megabyte) are worked out each
    # time, so the memory stays small.
    remembered = lru_cache(maxsize=4096)(function)

    def call(text: str) -> str:
        return remembered(text) if len(text) <= 300 else function(text)

    return call


_DROPPED_CONTROLS: Final = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]
)


@kept_when_short
def normalised_text(text: str) -> str:
    """text with line ends as LF, C0/C1 controls (but TAB and LF) dropped, lone surrogates as U+FFFD."""
    # Round-tripping through UTF-16 pairs up surrogate halves that arrived
    # separately and replaces the unpaired ones.
    whole = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return whole.replace("\r\n", "\n").replace("\r", "\n").translate(_DROPPED_CONTROLS)


_ZERO_WIDTH_JOINER: Final = "\u200d"


def visible_prefix(text: str, length: int) -> str:
    """At most length characters from the start of text, never splitting what a person sees as one."""
    # The cut moves back past combining marks, joiners, variation selectors,
    # emoji modifiers and tags, and never parts the two letters of a flag.
    end = min(length, len(text))
    while 0 < end < len(text) and _continues_character(text, end):
        end -= 1
    return text[:end]


def _continues_character(text: str, index: int) -> bool:
    following, preceding = text[index], text[index - 1]
    if _is_regional_indicator(following):
        # Flags are pairs of regional indicators: cut only after a whole pair.
        run = 0
        while run < index and _is_regional_indicator(text[index - 1 - run]):
            run += 1
        return run % 2 == 1
    return (
        preceding == _ZERO_WIDTH_JOINER
        or following == _ZERO_WIDTH_JOINER
        or unicodedata.category(following) in ("Mn", "Mc", "Me")
        or "\ufe00" <= following <= "\ufe0f"
        or "\U0001f3fb" <= following <= "\U0001f3ff"
        or "\U000e0020" <= following <= "\U000e007f"
    )


def _is_regional_indicator(character: str) -> bool:
    return "\U0001f1e6" <= character <= "\U0001f1ff"


def is_given(raw: str | None) -> TypeGuard[str]:
    """Whether an attribute says anything: present and not blank."""
    # A blank attribute counts as absent: templates often render name="".
    return raw is not None and normalised_text(raw).strip() != ""
