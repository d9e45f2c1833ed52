"""Tables from .docx and .html → lines in the shapes the normalizer reads.

A layout table (the two-column header block, the "Nơi nhận" / signature block: at most
two rows and three columns) becomes its cells' lines, cell after cell, separated by a
line holding only "|", the order a reader takes them in. Any other table is a data
table (a plan of tasks, a schedule): one ``| cell | cell |`` line per row, a cell's
paragraphs joined by spaces, so that rows keep their columns.
"""

from __future__ import annotations

Cell = list[str]  # the cell's paragraphs, in order
Row = list[Cell]


def is_layout_table(rows: list[Row]) -> bool:
    width = max((len(r) for r in rows), default=0)
    return len(rows) <= 2 and width <= 3


def _flat(cell: Cell) -> str:
    return " ".join(p.strip() for p in cell if p.strip()).replace("|", "/")


def render_table(rows: list[Row]) -> list[str]:
    rows = [r for r in rows if any(p.strip() for c in r for p in c)]
    if not rows:
        return []
    if is_layout_table(rows):
        out: list[str] = []
        for row in rows:
            for cell in row:
                paras = [p.strip() for p in cell if p.strip()]
                if paras:
                    if out:
                        out.append("|")
                    out.extend(paras)
        return out
    return ["| " + " | ".join(_flat(c) for c in row) + " |" for row in rows]
