"""Plain-text figures and tables, and progress lines."""

from __future__ import annotations

import statistics
import sys
from collections.abc import Sequence

from browser import Load


def progress(message: str) -> None:
    """Progress goes to stderr, so stdout holds only the report."""
    print(f"  · {message}", file=sys.stderr, flush=True)


def spread(values: Sequence[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "n": len(values)}


def median_of(values: Sequence[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


def ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def ms1(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def ratio(value: float | None, base: float | None) -> str:
    return "—" if value is None or not base else f"{value / base:,.2f}x"


def mib(value: float | None) -> str:
    return "—" if value is None else f"{value / 1_048_576:,.2f} MiB"


def mmm(summary: dict[str, float]) -> str:
    return f"{ms(summary['min'])} / {ms(summary['median'])} / {ms(summary['max'])}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [str(cell).ljust(width) if i == 0 else str(cell).rjust(width) for i, (cell, width) in enumerate(zip(cells, widths))]
        return "   " + "  ".join(padded).rstrip()

    return "\n".join([line(headers), line(["-" * width for width in widths]), *[line(row) for row in rows]])


def loads_of(loads: Sequence[Load], page: str, kind: str) -> list[Load]:
    return [load for load in loads if load.page == page and load.kind == kind]

