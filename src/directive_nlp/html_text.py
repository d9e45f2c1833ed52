"""Web pages → text in reading order (selectolax, lexbor engine): page furniture
dropped, block elements on their own lines, tables through :mod:`table_layout`."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .resources import load
from .table_layout import Row, render_table


@cache
def _rules() -> tuple[list[str], re.Pattern[str], frozenset[str], tuple[str, ...]]:
    data = load("html.json")
    return (
        sorted(data["drop_tags"]["tags"]),
        re.compile(data["furniture_attr"]["re"], re.I),
        frozenset(data["block_tags"]["tags"]),
        tuple(data["content_roots"]["selectors"]),
    )


def _children(node: Any) -> list[Any]:
    out = []
    child = node.child
    while child is not None:
        out.append(child)
        child = child.next
    return out


def _is_furniture(node: Any, pattern: re.Pattern[str]) -> bool:
    words = " ".join(v for k, v in node.attributes.items() if k in ("class", "id", "role") and v)
    return any(pattern.search(w) for w in words.split())


def _content_root(tree: Any, selectors: tuple[str, ...]) -> Any:
    """The first content container holding most of the page's text, else the body."""
    body = tree.body or tree.root
    total = len(body.text(separator=" ", strip=True)) if body is not None else 0
    for sel in selectors:
        node = tree.css_first(sel)
        if node is not None and len(node.text(separator=" ", strip=True)) >= 0.3 * total:
            return node
    return body


def _table_rows(table: Any, blocks: frozenset[str]) -> list[Row]:
    rows: list[Row] = []
    for tr in table.css("tr"):
        if tr.parent is not None and tr.parent.tag not in ("table", "tbody", "thead", "tfoot"):
            continue
        owner = tr.parent if tr.parent.tag == "table" else tr.parent.parent
        if owner is None or owner.mem_id != table.mem_id:
            continue  # a row of a nested table
        cells = [c for c in _children(tr) if c.tag in ("td", "th")]
        rows.append([_render(c, blocks).split("\n") for c in cells])
    return rows


def _render(root: Any, blocks: frozenset[str]) -> str:
    """Text of ``root``'s subtree; an explicit stack, so deep pages cannot overflow."""
    out: list[str] = []
    stack: list[tuple[Any, bool]] = [(c, False) for c in reversed(_children(root))]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            out.append("\n")
        elif tag == "-text":
            out.append(node.text_content or "")
        elif tag == "table":
            out.append("\n" + "\n".join(render_table(_table_rows(node, blocks))) + "\n")
        else:
            if tag in blocks:
                out.append("\n")
                stack.append((node, True))
            stack.extend((c, False) for c in reversed(_children(node)))
    return re.sub(r"[ \t]*\n\s*", "\n", "".join(out).replace("\xa0", " ")).strip()


def html_to_text(markup: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    drop, furniture, blocks, roots = _rules()
    tree = LexborHTMLParser(markup)
    tree.strip_tags(drop)
    for node in tree.css("[class], [id], [role]"):
        if node.parent is not None and _is_furniture(node, furniture):
            node.decompose()
    root = _content_root(tree, roots)
    return "" if root is None else _render(root, blocks) + "\n"
