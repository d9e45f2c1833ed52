"""Small directives written for these tests, and builders that put them into the
formats archives hold (.docx, .html, .txt in several encodings)."""

from __future__ import annotations

import io
from pathlib import Path

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH KIÊN GIANG", "Số: {n}/CT-UBND"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Kiên Giang, ngày 12 tháng 5 năm 2023",
]
BODY = [
    "CHỈ THỊ",
    "Về việc tăng cường phòng, chống dịch bệnh trên gia súc, gia cầm",
    "Thực hiện Chỉ thị số 16/CT-TTg ngày 18/4/2023 của Thủ tướng Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
    "1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các địa phương tổ chức tiêm phòng đợt {n}, hoàn thành trước ngày 30/6/2023.",
    "2. Sở Tài chính tham mưu bố trí kinh phí mua vắc xin, báo cáo Ủy ban nhân dân tỉnh trước 17 giờ ngày 15/6/2023.",
    "3. Ủy ban nhân dân các huyện, thành phố kiểm tra việc vận chuyển gia súc, báo cáo kết quả hằng tháng.",
]
RECIPIENTS = [
    "Nơi nhận:",
    "- Bộ Nông nghiệp và PTNT;",
    "- TT Tỉnh ủy, TT HĐND tỉnh;",
    "- Các sở, ngành tỉnh;",
    "- Lưu: VT, KT.",
]
SIGNER = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Hòa"]


def directive_lines(n: int = 7) -> list[str]:
    lines = HEADER_LEFT + HEADER_RIGHT + BODY + RECIPIENTS + SIGNER
    return [ln.replace("{n}", str(n)) for ln in lines]


def directive_text(n: int = 7) -> str:
    return "\n".join(directive_lines(n)) + "\n"


def directive_docx(n: int = 7) -> bytes:
    """The directive as Word lays it out: header and signature in two-column tables."""
    import docx

    d = docx.Document()

    def table(left: list[str], right: list[str]) -> None:
        t = d.add_table(rows=1, cols=2)
        for cell, lines in zip(t.rows[0].cells, (left, right), strict=True):
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)

    fix = [ln.replace("{n}", str(n)) for ln in HEADER_LEFT]
    table(fix, HEADER_RIGHT)
    for line in BODY:
        d.add_paragraph(line.replace("{n}", str(n)))
    table(RECIPIENTS, SIGNER)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def directive_html(n: int = 7) -> str:
    def cell(lines: list[str]) -> str:
        return "<td>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</td>"

    left = [ln.replace("{n}", str(n)) for ln in HEADER_LEFT]
    body = "".join(f"<p>{ln.replace('{n}', str(n))}</p>" for ln in BODY)
    return (
        "<!DOCTYPE html><html><head><title>Chỉ thị</title><script>var x=1;</script></head><body>"
        "<nav class='main-menu'><a href='/'>Trang chủ</a><a>Văn bản</a><a>Liên hệ</a></nav>"
        f"<div id='content'><table><tr>{cell(left)}{cell(HEADER_RIGHT)}</tr></table>{body}"
        f"<table><tr>{cell(RECIPIENTS)}{cell(SIGNER)}</tr></table>"
        "<div class='social-share'>Chia sẻ Facebook Zalo</div></div>"
        "<footer>Cổng thông tin điện tử tỉnh. Bản quyền thuộc về UBND tỉnh.</footer></body></html>"
    )


def write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path
