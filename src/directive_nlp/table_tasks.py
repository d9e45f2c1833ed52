"""Tasks printed as a plan table: a header row naming the columns ("Nội dung nhiệm vụ",
"Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành") and one task per row.

Rows keep their offsets: the task's text is the content cell, its actors come from the
lead and coordinating cells, its deadline from the time cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import actors as ac
from .schema import Deadline
from .vntext import fold
from .zones.lines import Line, split_lines

_ROLES = [
    ("content", re.compile(r"noi dung|nhiem vu|cong viec|hoat dong|giai phap|ten nhiem vu|trinh tu|cac buoc")),
    ("coordinate", re.compile(r"phoi hop")),
    ("lead", re.compile(r"chu tri|thuc hien|trach nhiem|phu trach|don vi|co quan")),
    ("time", re.compile(r"thoi gian|thoi han|tien do|hoan thanh|moc")),
]


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TableTask:
    content: Cell
    leads: list[tuple[int, int]]
    coordinates: list[tuple[int, int]]
    deadline: Deadline | None


def _cells(text: str, start: int, end: int) -> list[Cell]:
    out = []
    for m in re.finditer(r"[^|]+", text[start:end]):
        raw = m.group(0)
        a = start + m.start() + len(raw) - len(raw.lstrip())
        b = start + m.end() - (len(raw) - len(raw.rstrip()))
        out.append(Cell(a, max(a, b), text[a : max(a, b)]))
    return out


# columns of a list of administrative procedures or of a procedure's steps that say where, how, on what basis,
# with what result and in how long, not who must do what by when: 'Địa điểm thực hiện', 'Cách thức thực hiện',
# 'Sản phẩm thực hiện', 'Căn cứ pháp lý', 'Phí, lệ phí', 'Thời gian giải quyết'; and what a row costs ('Mức chi',
# 'Kinh phí', 'Đơn vị tính': a unit of measure, no unit of the state)
_NO_ROLE = re.compile(r"dia diem|cach thuc|san pham|can cu|le phi|giai quyet|ket qua|don vi tinh|muc chi|kinh phi")
# a procedure's step column ('Bước thực hiện', 'Tên bước', 'Thứ tự công việc'): 'Bước 1', 'Bước 2' name no one
_STEP = re.compile(r"^(?:ten )?buoc\b|^thu tu\b")
# a header that opens with a time word is the time column whatever follows ('Thời gian thực hiện', 'Thời hạn hoàn
# thành nhiệm vụ'), and one that names coordination is that column ('Cơ quan phối hợp')
_OPENS_TIME = re.compile(r"^(?:thoi gian|thoi han|tien do|moc)\b")


# a header naming procedures or documents ('Tên thủ tục hành chính', 'Mã TTHC', 'Tên VBQPPL'): a catalogue
# (a decision announcing administrative procedures), whose rows name procedures, not tasks
_CATALOGUE = re.compile(r"ten thu tuc|ma (?:so )?(?:tthc|thu tuc)|ten (?:van ban|vbqppl)")
_STEPS = re.compile(r"^\W*(?:\d\.\s*)?trinh tu\b")


def _steps_column(table: list[list[Cell]]) -> int | None:
    """The column of a catalogue that gives the procedures' steps: its header, or nearly all its cells, open
    with 'Trình tự' ('Trình tự thực hiện', '1. Trình tự thực hiện TTHC - Tổ chức gửi hồ sơ ...')."""
    for i in range(len(table[0])):
        cells = [row[i] for row in table[1:] if i < len(row)]
        opening = sum(1 for c in cells if _STEPS.search(fold(c.text)))
        if _STEPS.search(fold(table[0][i].text)) or (cells and opening * 4 >= len(cells) * 3):
            return i
    return None


def _roles(header: list[Cell]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = fold(cell.text).strip(" *")
        if _NO_ROLE.search(key) or _STEP.search(key):
            continue
        first = "coordinate" if "phoi hop" in key else "time" if _OPENS_TIME.search(key) else None
        if first is not None:
            roles.setdefault(first, i)
            continue
        for role, pat in _ROLES:
            if pat.search(key) and role not in roles:
                roles[role] = i
                break
    return roles


def _plan_tables(text: str, regions: list[tuple[int, int, str]]) -> list[tuple[list[Line], int, dict[str, int]]]:
    return _plan_tables_of(text, tuple(regions))  # the paragraph reader and the table reader both ask


@lru_cache(maxsize=4)
def _plan_tables_of(
    text: str, regions: tuple[tuple[int, int, str], ...]
) -> list[tuple[list[Line], int, dict[str, int]]]:
    """(rows, index of the first data row, column roles) of each plan table in the regions: a block of
    table rows whose first row names the columns, or, with no header row to read (OCR, a converter that
    dropped it, a table going on over a page), whose cells show them: a column of body names and a
    column of long text."""
    rows = [ln for ln in split_lines(text) if ln.text.startswith("|") and any(a <= ln.start < b for a, b, _ in regions)]
    blocks: list[list[Line]] = []
    for ln in rows:
        if blocks and blocks[-1][-1].end + 1 == ln.start:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    out: list[tuple[list[Line], int, dict[str, int]]] = []
    for block in blocks:
        table = [_cells(text, ln.start, ln.end) for ln in block]
        if any(_CATALOGUE.search(fold(c.text)) for c in table[0]):
            # taken, so that its cells are not read as paragraphs, and gives no task of its own; a column of the
            # procedures' steps ('Trình tự thực hiện') is read as text: its steps say which body does what
            steps = _steps_column(table)
            out.append((block, 1, {} if steps is None else {"steps": steps}))
            continue
        # the header row, or the row after a narrower caption row ('| 2.10 | Quy trình xử lý công việc |')
        heads = [0, 1] if len(table) > 2 and len(table[0]) < len(table[1]) else [0]
        found = next(((k, r) for k in heads if (r := _header_roles(table, k))), None)
        if found is not None:
            out.append((block, found[0] + 1, found[1]))
            continue
        roles = _roles_by_cells(text, table)
        if roles:
            out.append((block, 0, roles))
    return out


_FIGURE = re.compile(r"[\d.,]+")  # a row holding a figure ('600') is data, not the columns' names


def _header_roles(table: list[list[Cell]], k: int) -> dict[str, int]:
    """The column roles row ``k`` names, when they make a plan table (what to do, and who or by when)."""
    roles = _roles(table[k]) if not any(_FIGURE.fullmatch(c.text) for c in table[k]) else {}
    if {"lead", "time"} & set(roles) and "content" not in roles:
        content = _text_column(table[k + 1 :], set(roles.values()))
        if content is not None:
            roles["content"] = content
    return roles if "content" in roles and {"lead", "time"} & set(roles) else {}


_MIN_ROWS = 3  # a table shows its columns by its cells only over a few rows


def _text_column(table: list[list[Cell]], taken: set[int]) -> int | None:
    """The column of long text (a mean of 40 characters or more): what each row asks for."""
    widths: dict[int, list[int]] = {}
    for cells in table:
        for i, c in enumerate(cells):
            if i not in taken:
                widths.setdefault(i, []).append(len(c.text))
    best = max(widths, key=lambda i: sum(widths[i]) / len(widths[i]), default=None)
    if best is None or sum(widths[best]) / len(widths[best]) < 40:
        return None
    return best


def _roles_by_cells(text: str, table: list[list[Cell]]) -> dict[str, int]:
    """Roles from the cells of a header-less table: the first column whose cells (nearly all) open with a
    body's name leads, a second such column coordinates; the long-text column is the content."""
    if len(table) < _MIN_ROWS or len({len(cells) for cells in table}) != 1:
        return {}
    actor_cols = []
    for i in range(len(table[0])):
        filled = [c for c in (cells[i] for cells in table) if c.text]
        bodies = [c for c in filled if len(c.text) <= 150 and ac.is_head_at(text, c.start)]
        if len(filled) >= _MIN_ROWS and len(bodies) >= 0.8 * len(filled):
            actor_cols.append(i)
    if not actor_cols:
        return {}
    roles = {"lead": actor_cols[0]}
    if len(actor_cols) > 1:
        roles["coordinate"] = actor_cols[1]
    content = _text_column(table, set(actor_cols))
    if content is None:
        return {}
    roles["content"] = content
    return roles


def plan_table_rows(text: str, regions: list[tuple[int, int, str]]) -> dict[int, frozenset[int]]:
    """Start offsets of the rows the plan-table reader takes, each with the columns it leaves to be read as
    text (other tables are read cell by cell)."""
    return {
        ln.start: frozenset([roles["steps"]] if "steps" in roles and k >= first else [])
        for block, first, roles in _plan_tables(text, regions)
        for k, ln in enumerate(block)
    }


def table_tasks(
    text: str, deadlines: list[Deadline], regions: list[tuple[int, int, str]], issued_date: str | None = None
) -> list[TableTask]:
    """Tasks of every plan table in the body regions."""
    out: list[TableTask] = []
    for block, first, roles in _plan_tables(text, regions):
        width = max(len(_cells(text, ln.start, ln.end)) for ln in block)
        for ln in block[first:]:
            cells = _aligned(text, _cells(text, ln.start, ln.end), width, roles)
            task = _row_task(text, cells, roles, deadlines, issued_date)
            if task is not None:
                out.append(task)
    return out


def _aligned(text: str, cells: list[Cell], width: int, roles: dict[str, int]) -> list[Cell | None]:
    """A row short of cells lost them to cells merged over several rows, before or after it ('Bước 2' printed
    once over two steps): its cells sit where a body's name falls in the lead column and text in the content
    column; with nothing to tell, from the left."""
    if len(cells) >= width:
        return list(cells)

    def fit(k: int) -> int:
        row: list[Cell | None] = [None] * k + list(cells)
        lead, content = (row[roles[r]] if roles.get(r, width) < len(row) else None for r in ("lead", "content"))
        named = lead is not None and ac.is_head_at(text, lead.start)
        said = content is not None and len(content.text) >= 8 and not ac.is_head_at(text, content.start)
        return 2 * named + said

    best = max(range(width - len(cells) + 1), key=lambda k: (fit(k), -k))
    return [None] * best + list(cells)


def _row_task(
    text: str, cells: list[Cell | None], roles: dict[str, int], deadlines: list[Deadline], issued: str | None
) -> TableTask | None:
    def cell(role: str) -> Cell | None:
        i = roles.get(role)
        c = cells[i] if i is not None and i < len(cells) else None
        return c if c is not None and c.text.strip() else None

    content = cell("content")
    if content is None or len(content.text) < 8 or content.text.isupper():
        return None  # a group row ("I | SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    lead, coord, when = cell("lead"), cell("coordinate"), cell("time")
    leads = ac.split_actor_list(text, lead.start, lead.end) if lead else []
    coords = ac.split_actor_list(text, coord.start, coord.end) if coord else []
    deadline = None
    if when is not None:
        from .tasks import deadline_in

        deadline = deadline_in(deadlines, when.start, when.end) or _parse_cell(when, issued)
    return TableTask(content, leads, coords, deadline)


def _parse_cell(cell: Cell, issued: str | None) -> Deadline | None:
    from .deadlines import parse_time_cell

    d = parse_time_cell(cell.text, issued_date=issued)
    if d is None:
        return None
    return d.model_copy(update={"start": cell.start + d.start, "end": cell.start + d.end})
