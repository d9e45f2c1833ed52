"""Regenerate the binary test fixtures in tests/fixtures/formats/ (committed, a few KB
each, so the tests need neither fonts nor fpdf2): a two-page PDF with a text layer
typeset from a corpus directive, and a PDF with no text layer (what a scan gives).

Needs the dev extra (fpdf2) and a Unicode TrueType font (DejaVu Sans by default).
Usage: python scripts/make_fixtures.py [--font PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "formats"
SOURCE = ROOT / "corpus" / "docs" / "c1-ct-ubnd-binhdinh-2022-khai-thac-cat-soi.txt"


def text_pdf(font: Path, text: str, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_compression(True)
    pdf.add_font("body", fname=str(font))
    pdf.set_font("body", size=11)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def scan_pdf(path: Path) -> None:
    """A page holding only drawn shapes: the text layer a scanned page has (none)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    for i in range(12):
        pdf.rect(20, 20 + i * 18, 170, 10, style="F")
    pdf.output(str(path))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--font", type=Path, default=Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    text_pdf(args.font, SOURCE.read_text(encoding="utf-8"), OUT / "directive.pdf")
    scan_pdf(OUT / "scan.pdf")
    for p in sorted(OUT.glob("*.pdf")):
        print(f"wrote {p.relative_to(ROOT)} ({p.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
