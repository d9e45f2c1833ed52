"""Our parser against dateparser's ``search_dates(phrase, languages=["vi"])`` on deadline phrases.

dateparser is judged generously: its first result counts as right when it agrees with the correct
value at the phrase's own grain (the day for a day, the month for a month, ...), and it is given
the issue date as RELATIVE_BASE. Measured with dateparser 1.2 (the project's pinned range):

    ours        34/34
    dateparser  13/34

| what dateparser gets wrong                          | example                          | it returns                 |
|-----------------------------------------------------|----------------------------------|----------------------------|
| "17g00", "17h00", "17h": the time is dropped         | 17g00 ngày 11/3/2022             | 2022-03-11 00:00           |
| "N giờ ngày ...": read as "N hours ago"             | 9 giờ ngày 20/11/2023            | 2023-10-31 15:00           |
| "ngày D tháng M năm Y": split into durations        | trước ngày 31 tháng 12 năm 2014  | "31 tháng" = 2011-11-01    |
| quarters ("quý I/2024", "Quý IV/2013")              | trong quý I/2024                 | nothing                    |
| school years, "năm tiếp theo"                       | trong năm học 2022-2023          | nothing                    |
| ranges and month lists: the first date, not the end | từ năm 2013 đến năm 2015         | 2013                       |
| durations counted from the signing                  | trong thời hạn 10 ngày kể từ ... | "10 ngày" = day 10         |
| recurrences ("hằng tháng", "tháng cuối quý")        | trước ngày 20 hằng tháng         | nothing                    |
| year-less dates before the anchor do not roll over  | trước ngày 20/12 (issued 25/12)  | the past 20/12             |

dateparser does read plain dates ("ngày 15/10/2021", "14-9-2020") and months or years named
with "tháng"/"năm" at their own grain; the module uses the standard library for those instead,
since it needs the grammar around them anyway. dateparser is imported only here: it is slow.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from directive_nlp.deadlines import parse_deadline

# (phrase, issued_date, correct value, grain, dateparser is wrong)
ROWS: list[tuple[str, str, str, str, bool]] = [
    ("17g00 ngày 11/3/2022", "2022-03-01", "2022-03-11T17:00", "minute", True),
    ("trước 17h00 ngày 25/4/2023", "2023-04-10", "2023-04-25T17:00", "minute", True),
    ("9 giờ ngày 20/11/2023", "2023-11-01", "2023-11-20T09:00", "hour", True),
    ("17 giờ 30 phút ngày 5/4/2023", "2023-03-01", "2023-04-05T17:30", "minute", True),
    ("trước 4 giờ chiều ngày 15/3/2022", "2022-03-10", "2022-03-15T16:00", "hour", True),
    ("17h ngày 05/8/2022", "2022-08-01", "2022-08-05T17:00", "hour", True),
    ("chậm nhất ngày 15/10/2021", "2021-09-20", "2021-10-15", "day", False),
    ("chậm nhất là ngày 05 tháng 01 năm 2023", "2022-12-20", "2023-01-05", "day", False),
    ("trước ngày 31 tháng 12 năm 2014", "2014-06-01", "2014-12-31", "day", True),
    ("trước ngày 20/12", "2022-03-08", "2022-12-20", "day", False),
    ("trước ngày 20/12", "2022-12-25", "2023-12-20", "day", True),
    ("thanh toán chậm nhất ngày 14-9-2020", "2020-09-01", "2020-09-14", "day", False),
    ("đến hết ngày 26/3/2017", "2017-03-20", "2017-03-26", "day", False),
    ("Bắt đầu từ ngày 06/9/2024", "2024-08-20", "2024-09-06", "day", False),
    ("từ ngày 01/01/2019", "2018-12-01", "2019-01-01", "day", False),
    ("trong tháng 9/2021", "2021-08-15", "2021-09-30", "month", False),
    ("trong tháng 3 năm 2023", "2023-02-01", "2023-03-31", "month", False),
    ("Tháng 11, 12/2013", "2013-10-01", "2013-12-31", "month", True),
    ("từ tháng 01 năm 1981 đến tháng 12 năm 1982", "1980-12-20", "1982-12-31", "month", True),
    ("trong quý I/2024", "2024-01-05", "2024-03-31", "quarter", True),
    ("quý 1/2019", "2018-12-20", "2019-03-31", "quarter", False),  # read as January 2019: right by luck
    ("Quý IV/2013", "2013-08-01", "2013-12-31", "quarter", True),
    ("hoàn thành trong quý II/2020", "2020-03-01", "2020-06-30", "quarter", True),
    ("trong năm 2022", "2022-01-10", "2022-12-31", "year", False),
    ("đến hết năm 2019", "2019-02-01", "2019-12-31", "year", False),
    ("cuối năm 1982", "1982-03-01", "1982-12-31", "year", False),
    ("từ năm 2013 đến năm 2015", "2012-12-01", "2015-12-31", "year", True),
    ("trong năm tiếp theo", "2022-05-01", "2023-12-31", "year", True),
    ("trong năm học 2022-2023", "2022-08-15", "2023-05-31", "school_year", True),
    ("trong thời hạn 10 ngày kể từ ngày ký", "2022-03-08", "2022-03-18", "day", True),
    ("trong thời hạn 05 ngày làm việc kể từ ngày ký", "2022-03-08", "2022-03-15", "day", True),
    ("trước ngày 20 hằng tháng", "2022-03-08", "2022-03-20", "day", True),
    ("trước ngày 30 tháng 11 hằng năm", "2022-03-08", "2022-11-30", "day", True),
    ("trước ngày 20 tháng cuối quý", "2022-04-25", "2022-06-20", "day", True),
]
OURS_RIGHT, DATEPARSER_RIGHT = 34, 13


@pytest.fixture(scope="module")
def search_dates() -> Any:
    return pytest.importorskip("dateparser.search").search_dates


def _dateparser_agrees(found: list[tuple[str, dt.datetime]] | None, expected: str, grain: str) -> bool:
    if not found:
        return False
    got, want = found[0][1], dt.datetime.fromisoformat(expected)
    keys = {
        "minute": lambda x: x,
        "hour": lambda x: x,
        "day": lambda x: x.date(),
        "month": lambda x: (x.year, x.month),
        "quarter": lambda x: (x.year, (x.month - 1) // 3),
        "year": lambda x: x.year,
    }
    key = keys.get(grain, keys["day"])
    return bool(key(got) == key(want))


def _dateparser(search_dates: Any, phrase: str, issued: str) -> Any:
    return search_dates(phrase, languages=["vi"], settings={"RELATIVE_BASE": dt.datetime.fromisoformat(issued)})


@pytest.mark.parametrize(("phrase", "issued", "value", "grain", "dp_wrong"), ROWS)
def test_ours_right_and_dateparser_wrong_where_marked(
    search_dates: Any, phrase: str, issued: str, value: str, grain: str, dp_wrong: bool
) -> None:
    d = parse_deadline(phrase, issued_date=issued)
    assert d is not None and d.value == value and d.grain == grain
    if dp_wrong:
        assert not _dateparser_agrees(_dateparser(search_dates, phrase, issued), value, grain)


def test_measured_counts(search_dates: Any) -> None:
    ours = sum((d := parse_deadline(p, issued_date=i)) is not None and d.value == v for p, i, v, _, _ in ROWS)
    theirs = sum(_dateparser_agrees(_dateparser(search_dates, p, i), v, g) for p, i, v, g, _ in ROWS)
    assert (ours, theirs, len(ROWS)) == (OURS_RIGHT, DATEPARSER_RIGHT, 34)
