"""The shipped statistical model: loads, predicts sensibly on written clauses, retrains."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from directive_nlp import model as dm
from directive_nlp.model import bio_spans, load_model, task_features, tokenize
from directive_nlp.tasks import Clause, Para, clause_signals

ROOT = Path(__file__).resolve().parent.parent

TASK = "Sở Y tế chủ trì, phối hợp với các địa phương tổ chức tiêm chủng trước ngày 30/9/2021."
NARRATIVE = "Năm 2020, toàn ngành đã đạt được nhiều kết quả quan trọng."


def signals(text: str, **extra: float) -> dict[str, float]:
    """The rules' signals of a free-standing clause (no section, no deadline list)."""
    return {**clause_signals(text, Clause(0, len(text), Para(0, len(text), None, False))), **extra}


@pytest.fixture(scope="module")
def model() -> dm.TaskModel:
    m = load_model()
    assert m is not None, "the shipped model files do not load"
    return m


def test_shipped_files_are_small_json() -> None:
    folder = dm.default_model_dir()
    sizes = {name: (folder / name).stat().st_size for name in (dm.TASK_FILE, dm.ACTOR_FILE)}
    assert sum(sizes.values()) < 20 * 1024 * 1024
    for name in sizes:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        assert data["format"] == dm.FORMAT
        assert data["trained_on"], "the training documents are recorded"


def test_load_is_cached(model: dm.TaskModel) -> None:
    assert load_model() is model
    assert load_model(dm.default_model_dir()) is model


@pytest.mark.parametrize("path", ["/nonexistent/models", "."])
def test_missing_files_give_none(path: str) -> None:
    assert load_model(path) is None


def test_unreadable_files_give_none(tmp_path: Path) -> None:
    (tmp_path / dm.TASK_FILE).write_text("{not json", encoding="utf-8")
    (tmp_path / dm.ACTOR_FILE).write_text("{}", encoding="utf-8")
    assert load_model(tmp_path) is None
    (tmp_path / dm.TASK_FILE).write_text('{"format": 999}', encoding="utf-8")
    assert load_model(tmp_path) is None


@pytest.mark.parametrize(
    "text",
    [
        TASK,
        NARRATIVE,
        "Giao Sở Tài chính chủ trì thẩm định dự toán, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/10/2023.",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
        "Cơ quan chủ trì: Sở Nội vụ.",
        "QUYẾT ĐỊNH:",
        "",
        "   ",
        "…",
    ],
)
def test_probability_in_unit_interval(model: dm.TaskModel, text: str) -> None:
    for sig in (signals(text), {}, {"numbered": 1.0, "deadline": 1.0, "words": 0.3}):
        p = model.task_probability(text, sig)
        assert 0.0 <= p <= 1.0


@pytest.mark.parametrize(
    ("task", "narrative"),
    [
        (TASK, NARRATIVE),
        (
            "Các đơn vị gửi báo cáo kết quả về Sở Giáo dục và Đào tạo trước ngày 20/12/2022.",
            "Trong năm học vừa qua, các trường đã tổ chức tốt các hoạt động trải nghiệm.",
        ),
        (
            "Yêu cầu Chủ tịch Ủy ban nhân dân các huyện khẩn trương triển khai các biện pháp phòng chống dịch.",
            "Hội nghị đã nghe báo cáo tình hình thực hiện nhiệm vụ quý III.",
        ),
    ],
)
def test_task_scores_above_narrative(model: dm.TaskModel, task: str, narrative: str) -> None:
    for extra in ({}, {"numbered": 1.0}):
        assert model.task_probability(task, signals(task, **extra)) > model.task_probability(
            narrative, signals(narrative, **extra)
        )


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (TASK, "Sở Y tế"),
        ("Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh rà soát các khoản chi.", "Sở Tài chính"),
        ("Giao Công an tỉnh tăng cường tuần tra, kiểm soát trên các tuyến đường.", "Công an tỉnh"),
    ],
)
def test_actor_spans_find_the_actor(model: dm.TaskModel, text: str, actor: str) -> None:
    spans = model.actor_spans(text)
    assert any(text[a:b] == actor for a, b, _ in spans), spans
    for a, b, conf in spans:
        assert 0 <= a < b <= len(text)
        assert 0.0 <= conf <= 1.0


@pytest.mark.parametrize("text", ["", "   ", ".", NARRATIVE])
def test_actor_spans_never_crash(model: dm.TaskModel, text: str) -> None:
    assert isinstance(model.actor_spans(text), list)


@pytest.mark.parametrize("text", [TASK, NARRATIVE, "Giao Công an tỉnh tăng cường tuần tra; UBND các huyện phối hợp."])
def test_inference_shortcuts_give_the_same_numbers(model: dm.TaskModel, text: str) -> None:
    """The per-word emission sums and the three-label Viterbi equal the plain computation:
    the emissions of the full feature lists, the best path by brute force."""
    import itertools
    import math

    crf = model._crf
    toks = tokenize(text)
    words = [text[a:b] for a, b in toks]
    em = crf.emissions(dm.actor_token_features(text, toks, crf.feature_set))
    assert crf.token_emissions(words, dm.context_features(text, toks, words, crf.feature_set)) == em
    head = em[:6]  # every path of six tokens

    def score(path: tuple[int, ...]) -> float:
        return sum(head[i][k] for i, k in enumerate(path)) + sum(crf.trans[a][b] for a, b in itertools.pairwise(path))

    best = max(itertools.product(range(3), repeat=len(head)), key=score)
    assert math.isclose(score(tuple(crf.viterbi(head))), score(best))
    for row in crf.marginals(head):
        assert math.isclose(sum(row), 1.0)


def test_load_does_not_import_heavy_packages() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); from directive_nlp.model import load_model; "
        "assert load_model() is not None; print(time.perf_counter() - t); "
        "assert not {'spacy', 'underthesea', 'numpy'} & set(sys.modules), sorted(sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout.strip()) < 0.5


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B", "I", "O", "B"], [(0, 2), (3, 4)]),
        (["O", "I", "I", "O"], [(1, 3)]),
        (["B", "B", "O"], [(0, 1), (1, 2)]),
        (["O", "O"], []),
        ([], []),
    ],
)
def test_bio_spans(labels: list[str], spans: list[tuple[int, int]]) -> None:
    assert bio_spans(labels) == spans


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Sở Y tế, Covid-19 trước 30/9/2021.", ["Sở", "Y", "tế", ",", "Covid-19", "trước", "30/9/2021", "."]),
        ("UBND tỉnh (qua Sở)", ["UBND", "tỉnh", "(", "qua", "Sở", ")"]),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert [text[a:b] for a, b in tokenize(text)] == tokens


def test_colon_label_kept_apart() -> None:
    feats = task_features("Cơ quan chủ trì: Sở Nội vụ.", {})
    assert "colon_label=co quan chu tri" in feats
    assert "w1=so" in feats and "u=chu" not in feats


def test_quick_retrain_end_to_end(tmp_path: Path) -> None:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_model.py"), "--quick", "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.perf_counter() - t0 < 60
    m = load_model(tmp_path)
    assert m is not None
    assert 0.0 <= m.task_probability(TASK, signals(TASK)) <= 1.0
    assert isinstance(m.actor_spans(TASK), list)
