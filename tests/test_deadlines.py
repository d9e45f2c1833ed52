"""Deadline extraction: one written sentence per shape, negatives, offsets, data-file examples, fuzzing."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_nlp.deadlines import expand, find_deadlines, parse_deadline
from directive_nlp.resources import load
from directive_nlp.vntext import normalize_tones

# (sentence, issued_date, value, grain, relation, recurrence)
Row = tuple[str, str | None, str | None, str, str | None, str | None]

CASES: list[Row] = [
    # -- a time of day and a date ---------------------------------------------------------
    ("Các đơn vị báo cáo trước 17g00 ngày 11/3/2022.", "2022-03-08", "2022-03-11T17:00", "minute", "before", None),
    ("Nộp hồ sơ trước 17h00 ngày 25/4/2023 qua hệ thống.", "2023-04-10", "2023-04-25T17:00", "minute", "before", None),
    ("Hạn nộp bài dự thi: 17 giờ 30 phút ngày 5/4/2023.", "2023-03-01", "2023-04-05T17:30", "minute", "by", None),
    ("Khai mạc vào lúc 9 giờ ngày 20/11/2023 tại Hội trường.", "2023-11-01", "2023-11-20T09:00", "hour", "on", None),
    ("gửi Văn phòng trước 17h ngày 05/8/2022 để tổng hợp", "2022-08-01", "2022-08-05T17:00", "hour", "before", None),
    ("nộp về Phòng trước 10g ngày 12/9/2022", "2022-09-01", "2022-09-12T10:00", "hour", "before", None),
    ("trả kết quả trước 4 giờ chiều ngày 15/3/2022", "2022-03-10", "2022-03-15T16:00", "hour", "before", None),
    ("Thời gian: 14 giờ 00, ngày 15/3/2022 tại phòng họp.", "2022-03-10", "2022-03-15T14:00", "minute", "by", None),
    ("đăng ký chậm nhất 16:30 ngày 02/6/2022", "2022-05-20", "2022-06-02T16:30", "minute", "by", None),
    # -- a day ----------------------------------------------------------------------------
    ("UBND các huyện báo cáo kết quả chậm nhất ngày 15/10/2021.", "2021-09-20", "2021-10-15", "day", "by", None),
    ("gửi về Văn phòng chậm nhất là ngày 05 tháng 01 năm 2023", "2022-12-20", "2023-01-05", "day", "by", None),
    ("nộp bản cứng chậm nhất vào ngày 10/10/2022", "2022-09-15", "2022-10-10", "day", "by", None),
    ("Hạn chót nhận hồ sơ là ngày 30/6/2022.", "2022-06-01", "2022-06-30", "day", "by", None),
    ("các trường hoàn thiện hồ sơ, hạn chót ngày 28/02/2021.", "2021-02-01", "2021-02-28", "day", "by", None),
    ("phản hồi không muộn hơn ngày 01/6/2022", "2022-05-10", "2022-06-01", "day", "by", None),
    ("hoàn thành trước ngày 31 tháng 12 năm 2014.", "2014-06-01", "2014-12-31", "day", "before", None),
    ("Các sở gửi kết quả trước ngày 20/12 để tổng hợp.", "2022-03-08", "2022-12-20", "day", "before", None),
    ("Các sở gửi kết quả trước ngày 20/12 để tổng hợp.", "2022-12-25", "2023-12-20", "day", "before", None),
    ("Các sở gửi kết quả trước ngày 20/12 để tổng hợp.", None, None, "day", "before", None),
    ("kiểm tra xong trước 30/6/2022 và báo cáo", "2022-05-01", "2022-06-30", "day", "before", None),
    ("thanh toán chậm nhất ngày 14-9-2020", "2020-09-01", "2020-09-14", "day", "by", None),
    ("gửi kế hoạch trước ngày 11/3 /2022", "2022-03-01", "2022-03-11", "day", "before", None),
    ("gửi kế hoạch trước\nngày 15/4/2022 về Sở", "2022-03-01", "2022-04-15", "day", "before", None),
    ("đến ngày 30/9/2022 phải hoàn thành việc cấp giấy", "2022-06-10", "2022-09-30", "day", "by", None),
    ("tổ chức trong ngày 20/11/2023 tại các trường", "2023-11-01", "2023-11-20", "day", "within", None),
    ("Duy trì trạng thái sẵn sàng đến hết ngày 26/3/2017.", "2017-03-20", "2017-03-26", "day", "until", None),
    ("Bắt đầu từ ngày 06/9/2024, học sinh học 2 buổi/ngày.", "2024-08-20", "2024-09-06", "day", "from", None),
    ("Áp dụng mức thu mới từ ngày 01/01/2019.", "2018-12-01", "2019-01-01", "day", "from", None),
    ("áp dụng từ thời điểm Luật có hiệu lực 01/01/2015.", "2014-11-01", "2015-01-01", "day", "from", None),
    # -- months, quarters, years ----------------------------------------------------------
    ("Tổ chức kiểm tra trong tháng 9/2021.", "2021-08-15", "2021-09-30", "month", "within", None),
    ("triển khai trong tháng 3 năm 2023 tại các xã", "2023-02-01", "2023-03-31", "month", "within", None),
    ("tổ chức tập huấn trong tháng 9", "2021-10-05", "2022-09-30", "month", "within", None),
    ("Hoàn thành việc rà soát trong quý I/2024.", "2024-01-05", "2024-03-31", "quarter", "within", None),
    ("Các đơn vị tổng kết trong quý 1/2019.", "2018-12-20", "2019-03-31", "quarter", "within", None),
    ("Thời gian thực hiện: Quý IV/2013.", "2013-08-01", "2013-12-31", "quarter", "by", None),
    ("Các trường hoàn thành trong quý II/2020 và báo cáo.", "2020-03-01", "2020-06-30", "quarter", "within", None),
    ("khảo sát trong quý III", "2021-02-01", "2021-09-30", "quarter", "within", None),
    ("hoàn thành trong quý I và quý II năm 2024", "2024-01-02", "2024-06-30", "quarter", "within", None),
    ("Xây dựng đề án trong năm 2022.", "2022-01-10", "2022-12-31", "year", "within", None),
    ("tiếp tục triển khai trong năm tiếp theo", "2022-05-01", "2023-12-31", "year", "within", None),
    ("sẽ mở rộng mô hình vào năm sau.", "2022-05-01", "2023-12-31", "year", "within", None),
    ("phấn đấu hoàn thành trong năm nay", "2022-05-01", "2022-12-31", "year", "within", None),
    ("Sơ kết, đánh giá vào cuối năm.", "2022-03-08", "2022-12-31", "year", "by", None),
    ("Kéo dài thời gian thực hiện đến hết năm 2019.", "2019-02-01", "2019-12-31", "year", "until", None),
    ("Hoàn thành việc kiểm kê cuối năm 1982.", "1982-03-01", "1982-12-31", "year", "by", None),
    ("Đến năm 2020, 100% xã đạt chuẩn nông thôn mới.", "2016-05-01", "2020-12-31", "year", "by", None),
    ("Kế hoạch sẽ được tổng kết vào năm 2020.", "2018-01-01", "2020-12-31", "year", "within", None),
    ("phấn đấu hoàn thành vào năm 2020.", "2018-01-01", "2020-12-31", "year", "by", None),
    ("Tổ chức sơ kết (trong năm 2013) để rút kinh nghiệm.", "2013-02-01", "2013-12-31", "year", "within", None),
    # -- school years ---------------------------------------------------------------------
    ("Tập trung thực hiện trong năm học 2022-2023.", "2022-08-15", "2023-05-31", "school_year", "within", None),
    ("Duy trì đến hết năm học 2023 - 2024.", "2023-09-01", "2024-05-31", "school_year", "until", None),
    ("áp dụng từ năm học 2023-2024", "2023-06-01", "2023-09-01", "school_year", "from", None),
    # -- ranges ---------------------------------------------------------------------------
    ("Thực hiện từ tháng 01 năm 1981 đến tháng 12 năm 1982.", "1980-12-20", "1982-12-31", "month", "until", None),
    ("Từ năm 2013 đến năm 2020 và tiếp theo, tập trung đầu tư.", "2013-04-01", "2020-12-31", "year", "until", None),
    ("triển khai từ năm 2013 đến năm 2015", "2012-12-01", "2015-12-31", "year", "until", None),
    ("Từ ngày 02 đến ngày 04/3/2022, tổ chức kiểm tra.", "2022-02-20", "2022-03-04", "day", "until", None),
    ("kiểm tra từ ngày 15/3/2022 đến ngày 15/4/2022", "2022-03-01", "2022-04-15", "day", "until", None),
    ("thực hiện từ tháng 11 đến tháng 2/2014", "2013-10-01", "2014-02-28", "month", "until", None),
    ("- Học kỳ I: Từ ngày 06/9/2024 đến ngày 12/01/2025.", "2024-08-01", "2025-01-12", "day", "until", None),
    ("- Thời gian thực hiện: Tháng 11, 12/2013.", "2013-10-01", "2013-12-31", "month", "by", None),
    ("Từ tháng 11/2013 trở đi, các đơn vị áp dụng mẫu mới.", "2013-10-20", "2013-11-01", "month", "from", None),
    # -- labelled lines and schedule items ------------------------------------------------
    ("Thời gian thực hiện: Tháng 12/2013 và thường xuyên.", "2013-11-01", "2013-12-31", "month", "by", None),
    ("Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014.", "2014-05-01", "2014-06-27", "day", "before", None),
    ("- Thời gian thực hiện: Hoàn thành trong quý III/2020.", "2020-05-01", "2020-09-30", "quarter", "within", None),
    ("Thời hạn: ngày 15/8/2022.", "2022-07-01", "2022-08-15", "day", "by", None),
    ("Tiến độ: tháng 10/2022.", "2022-07-01", "2022-10-31", "month", "by", None),
    ("Tựu trường các cấp học: Ngày 26/8/2024 (thứ Hai).", "2024-07-30", "2024-08-26", "day", "on", None),
    ("Tổ chức Khai giảng năm học mới: Ngày 05/9/2024 (thứ Năm).", "2024-07-30", "2024-09-05", "day", "on", None),
    ("Năm 2018: Rà soát toàn bộ hệ thống văn bản.", "2017-12-01", "2018-12-31", "year", "within", None),
    ("Năm 2019, hoàn thành việc sắp xếp các đơn vị.", "2017-12-01", "2019-12-31", "year", "within", None),
    ("- Quý I/2024: hoàn thành kế hoạch tuyển dụng.", "2023-12-15", "2024-03-31", "quarter", "within", None),
    ("b) Tháng 12/2013: tổ chức tổng kết.", "2013-10-01", "2013-12-31", "month", "within", None),
    # -- relative to the document or to an event ------------------------------------------
    ("Các Sở báo cáo trong thời hạn 10 ngày kể từ ngày ký.", "2022-03-08", "2022-03-18", "day", "within", None),
    ("Sau 15 ngày kể từ ngày ban hành Kế hoạch này, báo cáo.", "2022-03-08", "2022-03-23", "day", "from", None),
    ("Các đơn vị triển khai ngay kể từ ngày ký.", "2022-03-08", "2022-03-08", "day", "from", None),
    ("trả lời trong thời hạn 05 ngày làm việc kể từ ngày ký", "2022-03-08", "2022-03-15", "day", "within", None),
    ("sửa đổi trong vòng 3 tháng kể từ ngày ban hành", "2022-01-31", "2022-04-30", "day", "within", None),
    ("trong thời hạn 10 ngày kể từ ngày ký", None, None, "day", "within", None),
    ("nộp tờ khai trong thời hạn 30 ngày kể từ ngày hàng hóa đến cửa khẩu.", "2022-03-08", None, "day", "within", None),
    ("gửi thông tin chậm nhất là 04 giờ trước khi phương tiện vận tải xuất cảnh.", None, None, "hour", "before", None),
    ("phản hồi không quá 08 giờ làm việc kể từ thời điểm nhận đủ hồ sơ.", None, None, "hour", "within", None),
    # -- recurring ------------------------------------------------------------------------
    ("Các đơn vị báo cáo hằng tháng về Sở.", "2022-03-08", None, "month", None, "monthly"),
    ("Cập nhật số liệu hàng tháng lên phần mềm.", "2022-03-08", None, "month", None, "monthly"),
    ("Báo cáo định kỳ hằng quý về UBND tỉnh.", "2022-03-08", None, "quarter", None, "quarterly"),
    ("Tổ chức tổng kết hàng năm.", "2022-03-08", None, "year", None, "yearly"),
    ("gửi báo cáo trước ngày 20 hằng tháng", "2022-03-08", "2022-03-20", "day", "before", "monthly"),
    ("gửi báo cáo trước ngày 20 hằng tháng", "2022-03-25", "2022-04-20", "day", "before", "monthly"),
    ("Báo cáo kết quả trước ngày 30 tháng 11 hằng năm.", "2022-03-08", "2022-11-30", "day", "before", "yearly"),
    ("Báo cáo kết quả trước ngày 30 tháng 11 hằng năm.", "2022-12-05", "2023-11-30", "day", "before", "yearly"),
    ("Báo cáo quý gửi trước ngày 20 tháng cuối quý.", "2022-04-25", "2022-06-20", "day", "before", "quarterly"),
    ("Định kỳ từ ngày 1 đến ngày 5 hằng tháng, nộp báo cáo.", "2022-03-08", "2022-04-05", "day", "until", "monthly"),
    ("Họp giao ban vào thứ Hai hằng tuần.", "2022-03-08", "2022-03-14", "day", "on", "weekly"),
    ("Báo cáo tình hình trước 16 giờ hằng ngày.", "2022-03-08", None, "hour", "before", "daily"),
    ("gửi số liệu trước 15 giờ 30 thứ Sáu hằng tuần", "2022-03-08", "2022-03-11T15:30", "minute", "before", "weekly"),
]

NEGATIVES: list[tuple[str, str | None]] = [
    ("Hà Nội, ngày 08 tháng 3 năm 2022", "2022-03-08"),
    ("Thực hiện Công văn số 5969/UBND-TM ngày 19 tháng 8 năm 2014 của UBND tỉnh về việc", "2014-09-01"),
    ("Ngày 02 và 04 tháng 3 năm 2022, đồng chí Chủ tịch UBND tỉnh chủ trì Hội nghị trực tuyến.", "2022-03-08"),
    ("Ngày 28/9/2021 và ngày 01/10/2021, ông Giám đốc Sở chủ trì làm việc với các huyện.", "2021-10-05"),
    ("ngày 16/8/2018 Bộ Tài chính đã có Công văn gửi các địa phương.", None),
    ("Biên bản làm việc ngày 16/1/2017 giữa hai đơn vị.", None),
    ("khắc phục hậu quả trận lũ lịch sử tháng 10/2020 tại miền Trung", None),
    ("Luật Bảo vệ môi trường được Quốc hội thông qua ngày 23/6/2014", None),
    ("Luật này có hiệu lực thi hành từ ngày 01/01/2015.", None),
    ("Chỉ thị này có hiệu lực kể từ ngày ký.", "2022-03-08"),
    ("Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.", "2022-03-08"),
    ("Nghị định có hiệu lực (từ ngày 15/4/2022).", None),
    ("Kế hoạch thực hiện giai đoạn 2016-2020 của tỉnh", None),
    ("Dự toán năm 2020 được giao từ đầu năm.", None),
    ("Năm 2019 toàn tỉnh có 120 trường đạt chuẩn quốc gia.", None),
    ("Báo cáo kết quả 6 tháng đầu năm và phương hướng nhiệm vụ", None),
    ("Đài phát thanh phát lúc 9 giờ và 20 giờ hàng ngày.", None),
    ("Trẻ em dưới 6 tuổi chiếm 15% dân số; điện thoại 0296.3852.123", None),
    ("KẾ HOẠCH Tổ chức các hoạt động năm học 2021-2022", None),
    ("Từ năm 2015 đến nay, tỉnh đã đầu tư 200 tỷ đồng cho trường học.", "2022-03-08"),
    ("Trong năm 2021, toàn ngành đã tuyển mới 300 giáo viên.", "2022-01-10"),
    ("Trong năm 2021, toàn ngành đã tuyển mới 300 giáo viên.", None),
    ("Tháng 9/2021, Sở đã tổ chức tập huấn cho cán bộ.", "2021-12-01"),
    ("vào năm 2019 Sở ban hành quy chế phối hợp", "2022-03-08"),
    ("Tính đến ngày 31/12/2021, toàn tỉnh có 50 ca mắc.", "2022-01-05"),
    ("Số liệu thống kê đến hết tháng 02/2022 cho thấy", None),
    ("Chiến lược phát triển giáo dục đến năm 2030, tầm nhìn đến năm 2045", "2022-03-08"),
    ("Trẻ sinh từ ngày 01/01/2017 đến ngày 31/12/2017 được tuyển vào lớp 1.", "2017-01-05"),
    ("Hội nghị lần thứ ba của Ban Chấp hành", None),
    ("tăng 5% so với cùng kỳ năm 2021", "2022-03-08"),
    ("Tổ chức Hội nghị trong tháng 01/2022 vừa qua với sự tham dự", "2022-03-08"),
    ("Các đơn vị đã hoàn thành trong quý IV/2021 việc sắp xếp.", None),
    ("tăng từ 3.5 lên 4.2 điểm và từ 1-3 tháng", "2022-03-08"),
    ("Ngày 9/1 hằng năm là Ngày truyền thống học sinh, sinh viên.", "2022-03-08"),
    ("Xây dựng kế hoạch 6 tháng cuối năm 2023 của ngành.", "2023-06-20"),
    # fractions of a quantity
    ("Thôn đặc biệt khó khăn là thôn có từ 2/3 số hộ là hộ nghèo.", "2023-06-20"),
    ("Xã có ít nhất 2/3 diện tích tự nhiên ở độ cao trên 500 mét.", "2023-06-20"),
    ("Học viên được xét sau 2/3 thời gian học tập.", "2023-06-20"),
]


def _one(sentence: str, issued: str | None) -> dict[str, Any]:
    found = find_deadlines(sentence, issued_date=issued)
    assert len(found) == 1, [d.text for d in found]
    return found[0].model_dump()


@pytest.mark.parametrize(("sentence", "issued", "value", "grain", "relation", "recurrence"), CASES)
def test_shapes(
    sentence: str, issued: str | None, value: str | None, grain: str, relation: str | None, recurrence: str | None
) -> None:
    d = _one(sentence, issued)
    assert (d["value"], d["grain"], d["relation"], d["recurrence"]) == (value, grain, relation, recurrence), d["text"]


@pytest.mark.parametrize(("sentence", "issued"), NEGATIVES)
def test_not_deadlines(sentence: str, issued: str | None) -> None:
    assert [d.text for d in find_deadlines(sentence, issued_date=issued)] == []


# -- periods, anchors and the reference date --------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "issued", "earliest", "latest", "anchor"),
    [
        ("Tổ chức kiểm tra trong tháng 9/2021.", "2021-08-15", "2021-09-01", "2021-09-30", "absolute"),
        ("Hoàn thành trong quý II/2020.", None, "2020-04-01", "2020-06-30", "absolute"),
        ("Tập trung thực hiện trong năm học 2022-2023.", None, "2022-09-01", "2023-05-31", "school_year"),
        ("Thực hiện từ tháng 01 năm 1981 đến tháng 12 năm 1982.", None, "1981-01-01", "1982-12-31", "absolute"),
        ("trong thời hạn 10 ngày kể từ ngày ký", "2022-03-08", "2022-03-08", "2022-03-18", "document"),
        ("trong thời hạn 30 ngày kể từ ngày hàng hóa đến cửa khẩu", "2022-03-08", None, None, "event"),
        ("trước ngày 20/12", "2022-03-08", "2022-12-20", "2022-12-20", "document"),
    ],
)
def test_periods(sentence: str, issued: str | None, earliest: str, latest: str, anchor: str) -> None:
    d = _one(sentence, issued)
    assert (d["earliest"], d["latest"]) == (earliest, latest)
    assert d["anchor"] == ("absolute" if anchor == "school_year" else anchor)


def test_reference_date_overrides_issued_date() -> None:
    text = "tiếp tục triển khai trong năm tiếp theo và báo cáo trước ngày 20/12"
    found = find_deadlines(text, issued_date="2022-03-08", reference_date="2030-12-25")
    assert [d.value for d in found] == ["2031-12-31", "2031-12-20"]
    assert [d.value for d in find_deadlines(text)] == [None, None]


def test_exclude_spans_yield_nothing() -> None:
    text = "Hà Nội, ngày 08 tháng 3 năm 2022\nBáo cáo trước ngày 30/6/2022 theo Công văn số 12/SGD ngày 01/7/2022."
    head = (0, text.index("\n"))
    ref = text.index("Công văn"), len(text) - 1
    assert [d.text for d in find_deadlines(text, issued_date="2022-03-08", exclude=[head, ref])] == [
        "trước ngày 30/6/2022"
    ]
    deadline = text.index("trước"), text.index("theo")
    assert find_deadlines(text, issued_date="2022-03-08", exclude=[head, ref, deadline]) == []


def test_offsets_in_a_document() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH X\nSố: 04/CT-UBND\nX, ngày 08 tháng 3 năm 2022\nCHỈ THỊ\n"
        "Ngày 02/3/2022, Sở Y tế đã tổ chức họp.\n"
        "1. Sở Giáo dục và Đào tạo hoàn thành trong quý II/2022; báo cáo trước 17h00 ngày 11/4/2022.\n"
        "2. Các huyện báo cáo hằng tháng, trước ngày 25 hằng tháng.\n"
        "- Thời gian thực hiện: Tháng 11, 12/2022.\n"
        "Chỉ thị này có hiệu lực kể từ ngày ký./."
    )
    found = find_deadlines(text, issued_date="2022-03-08")
    for d in found:
        assert text[d.start : d.end] == d.text
    assert [d.text for d in found] == [
        "hoàn thành trong quý II/2022",
        "trước 17h00 ngày 11/4/2022",
        "hằng tháng",
        "trước ngày 25 hằng tháng",
        "Tháng 11, 12/2022",
    ]
    assert [d.value for d in found] == ["2022-06-30", "2022-04-11T17:00", None, "2022-03-25", "2022-12-31"]


# -- parse_deadline ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "issued", "value", "relation"),
    [
        ("17g00 ngày 11/3/2022", None, "2022-03-11T17:00", "on"),
        ("trước 17g00 ngày 11/3/2022", None, "2022-03-11T17:00", "before"),
        ("trong quý I/2024", None, "2024-03-31", "within"),
        ("quý 1/2019", None, "2019-03-31", "within"),
        ("năm học 2022-2023", None, "2023-05-31", "within"),
        ("ngày 20/12", "2022-03-08", "2022-12-20", "on"),
        ("trong năm 2019", "2022-03-08", "2019-12-31", "within"),  # no past filter on a phrase
    ],
)
def test_parse_deadline(phrase: str, issued: str | None, value: str, relation: str) -> None:
    d = parse_deadline(phrase, issued_date=issued)
    assert d is not None and (d.value, d.relation) == (value, relation)


@pytest.mark.parametrize("phrase", ["", "Ủy ban nhân dân tỉnh", "có hiệu lực kể từ ngày ký", "ngày 5", "thứ Sáu"])
def test_parse_deadline_none(phrase: str) -> None:
    assert parse_deadline(phrase, issued_date="2022-03-08") is None


# -- the data file -----------------------------------------------------------------------------
def _entries() -> list[tuple[str, dict[str, Any], bool]]:
    """(name, entry, must match the whole example)."""
    data = load("deadlines.json")
    out = [(f"variables.{k}", v, True) for k, v in data["variables"].items()]
    out += [(f"atoms.{i}.{a['kind']}", a, True) for i, a in enumerate(data["atoms"])]
    out += [(f"cues.{c['name']}", c, True) for c in data["cues"]]
    out += [(f"before.{n['name']}", n, False) for n in data["before"]]
    out += [(f"after.{n['name']}", n, False) for n in data["after"]]
    out += [
        (k, data[k], True)
        for k in ("range_gap", "coordination", "tail", "recurrence_suffix", "line_label", "cell", "time_cell_period")
    ]
    out += [("cell.after", {"pattern": data["cell"]["after"], "example": data["cell"]["after_example"]}, False)]
    return out


@pytest.mark.parametrize(("name", "entry", "whole"), _entries(), ids=[e[0] for e in _entries()])
def test_data_examples_match(name: str, entry: dict[str, Any], whole: bool) -> None:
    rx = re.compile(expand(entry["pattern"]), re.IGNORECASE | re.MULTILINE)
    assert (rx.fullmatch if whole else rx.search)(entry["example"]), name


def test_data_is_nfc_and_tone_normalized() -> None:
    def strings(x: Any) -> list[str]:
        if isinstance(x, str):
            return [x]
        if isinstance(x, dict):
            return [s for k, v in x.items() for s in [k, *strings(v)]]
        return [s for v in x for s in strings(v)] if isinstance(x, list) else []

    for s in strings(load("deadlines.json")):
        assert unicodedata.normalize("NFC", s) == s, s
        assert normalize_tones(s) == s, s


def test_cue_names_unique_and_relations_valid() -> None:
    cues = load("deadlines.json")["cues"]
    assert len({c["name"] for c in cues}) == len(cues)
    assert {c["relation"] for c in cues} <= {"before", "by", "on", "from", "within", "until"}
    assert json.dumps(cues, ensure_ascii=False)  # serializable as loaded


# -- never crashes -------------------------------------------------------------------------------
# fmt: off
_TOKENS = [
    "trước", "ngày", "tháng", "năm", "quý", "học", "hằng", "từ", "đến", "hết", "trong", "17g00", "9 giờ", "30",
    "11/3/2022", "20/12", "IV", "2013-2014", "2022", "kể từ ngày ký", "thứ Sáu", ":", ",", "\n", "-", "(", ")", "đã",
    "có hiệu lực", "31/2/2022", "00", "99", "chậm nhất là", "Thời hạn:", "trở đi", "cuối", "sau", "10 ngày làm việc",
    "hằng tháng", "giai đoạn", "Năm 2019", "|", "",
]
# fmt: on


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_TOKENS), max_size=40).map(" ".join),
    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12)),
)
def test_never_crashes_and_offsets_hold(text: str, issued: str | None) -> None:
    for d in find_deadlines(text, issued_date=issued):
        assert text[d.start : d.end] == d.text and d.text
    parse_deadline(text, issued_date=issued)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_on_any_text(text: str) -> None:
    for d in find_deadlines(text, issued_date="2022-03-08"):
        assert text[d.start : d.end] == d.text


def test_table_cells() -> None:
    text = (
        "| STT | Nội dung | Đơn vị chủ trì | Thời gian hoàn thành |\n"
        "| 1 | Ban hành kế hoạch | Sở Y tế | Quý I/2023 |\n"
        "| 2 | Tập huấn | Sở Nội vụ | Trước 30/6/2023 |\n"
        "| 3 | Tổng kết | Sở Y tế | 15/12/2023 (thứ Sáu) |\n"
        "| Năm 2021 | Năm 2022 | 1.200 | 1.350 |"
    )
    found = find_deadlines(text, issued_date="2023-01-10")
    assert [(d.text, d.value) for d in found] == [
        ("Quý I/2023", "2023-03-31"),
        ("Trước 30/6/2023", "2023-06-30"),
        ("15/12/2023", "2023-12-15"),
    ]


@pytest.mark.parametrize(
    ("sentence", "issued", "value"),
    [
        ("*Thời gian thực hiện:* Tháng 12/2013.", "2013-10-01", "2013-12-31"),
        ("- **Thời hạn**: trước ngày 15/8/2022.", "2022-07-01", "2022-08-15"),
        ("**Năm 2018:** Rà soát toàn bộ hệ thống văn bản.", "2017-12-01", "2018-12-31"),
        ("báo cáo tháng gửi trước ngày 05 của tháng sau", "2022-03-08", "2022-04-05"),
        ("báo cáo tháng gửi trước ngày 05 của tháng sau", "2022-12-20", "2023-01-05"),
        ("từ ngày 15/4 đến 15/5/2023 tổ chức tháng hành động", "2023-03-01", "2023-05-15"),
        ("từ quý III/2023 đến quý I/2024", "2023-06-01", "2024-03-31"),
        ("tổ chức vào đầu tháng 3/2023", "2023-01-10", "2023-03-31"),
        ("tổ chức thi trong các ngày 06, 07 và 08/6/2023.", "2023-05-12", "2023-06-08"),
        ("tổng kết công tác tuyển sinh trước ngày 31/8/2023", "2023-05-12", "2023-08-31"),
        ("học sinh nộp hồ sơ trước ngày 15/6/2023", "2023-05-12", "2023-06-15"),
        ("Định kỳ ngày 25 hằng tháng, các đơn vị gửi báo cáo.", "2023-01-10", "2023-01-25"),
        ("từ 7 giờ 30 ngày 15/3/2023 đến 17 giờ ngày 16/3/2023", "2023-03-01", "2023-03-16T17:00"),
    ],
)
def test_markup_and_more_ranges(sentence: str, issued: str, value: str) -> None:
    assert _one(sentence, issued)["value"] == value


def test_coordinated_times_share_a_cue() -> None:
    text = (
        "Báo cáo trước ngày 30/6 và ngày 31/12 hằng năm; chậm nhất ngày 20/6/2023, 20/9/2023 hoặc 20/12/2023, "
        "hằng quý; trước ngày 5/1/2023; tháng 3/2023"
    )
    found = find_deadlines(text, issued_date="2023-01-10")
    assert [(d.text, d.value, d.relation, d.recurrence) for d in found] == [
        ("trước ngày 30/6", "2023-06-30", "before", None),
        ("ngày 31/12 hằng năm", "2023-12-31", "before", "yearly"),
        ("chậm nhất ngày 20/6/2023", "2023-06-20", "by", None),
        ("20/9/2023", "2023-09-20", "by", None),
        ("20/12/2023", "2023-12-20", "by", None),
        ("hằng quý", None, None, "quarterly"),
        ("trước ngày 5/1/2023", "2023-01-05", "before", None),
    ]


@pytest.mark.parametrize("issued", ["0001-01-01", "9999-12-31", "2024-02-29", "2022-13-01", "not a date"])
def test_edge_anchors(issued: str) -> None:
    text = "trước ngày 20/12; trong năm sau; 10 ngày trước ngày ký; trong tháng 3; trước ngày 31 hằng tháng; quý IV"
    for d in find_deadlines(text, issued_date=issued, reference_date=issued):
        assert text[d.start : d.end] == d.text
