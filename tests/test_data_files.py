"""Every data file: NFC, one tone placement, and every pattern's example still matches."""

import json
import re
import unicodedata
from importlib import resources

import pytest

from directive_nlp import actors, closing, doctypes, tasks
from directive_nlp.resources import load
from directive_nlp.vntext import normalize_tones

DATA = sorted(p.name for p in (resources.files("directive_nlp") / "data").iterdir() if p.name.endswith(".json"))


def strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


@pytest.mark.parametrize("name", DATA)
def test_nfc_and_tone_placement(name):
    for s in strings(load(name)):
        assert unicodedata.normalize("NFC", s) == s, s
        assert normalize_tones(s) == s or "(?" in s or "\\" in s, s


@pytest.mark.parametrize("key", ["furniture", "page_noise", "stamp_keys", "trailing_blocks"])
def test_layout_examples(key):
    for entry in load("layout.json")[key]:
        assert re.fullmatch(entry["re"], entry["example"], re.I), entry


def test_closing_examples():
    data = load("closing.json")
    for a in data["authority"]:
        assert closing.parse_signer(a["example"] + " Nguyễn Văn A").authority == a["code"]
    for p in data["purposes"]:
        assert closing._purpose_of(p["example"].strip("()")) == p["purpose"], p
    assert closing.parse_signer("KT. BỘ TRƯỞNG THỨ TRƯỞNG " + data["ranks_example"]).name == "Lê Văn Hòa"
    assert data["titles_example"] in data["titles"]


def test_doc_type_words_map_back():
    for t in load("doc_types.json")["types"]:
        for w in t["words"]:
            assert doctypes.from_word(w)[0] == t["code"] or w in ("thông báo kết luận",), w


def test_task_word_list_examples():
    d = load("tasks.json")
    text = d["heads"]["example"]
    assert actors.is_head_at(text, 0)
    assert actors.predicates(d["predicate_cues"]["example"], 0)
    assert tasks._non_task_re().match(d["non_task_openers"]["example"])
    assert tasks._narrative_re().search(d["narrative_markers"]["example"])
    assert tasks._assign_re().match(d["assignment_labels"]["example"].lstrip("- "))
    assert tasks._time_opener().match(d["time_openers"]["example"])
    assert actors._stop_re().search(d["np_stops"]["example"])
    assert actors._opener_re().match(d["clause_openers"]["example"])
    assert actors.is_strong(d["strong_cues"]["example"], d["strong_cues"]["example"].index("có trách nhiệm"))
    lead = d["lead_strip"]["example"].split(". ", 1)[1]
    assert actors.lead_actor_spans(lead, 0, len(lead))
    assert not actors.is_head_at(d["heads"]["not_heads"]["example"], 0)
    for item in d["noun_item_openers"]["examples"]:
        assert tasks._noun_item_re().match(item), item
    assigned = d["role_heads"]["assigned_example"]
    subj = actors.subject_span(assigned, 0, assigned.index("có trách nhiệm"))
    assert subj is not None and assigned[subj[0] : subj[1]].strip().endswith("theo Kế hoạch này")
    for name, names in d["heads"]["shared_titles"]["examples"]:
        assert actors.distribute(name) == names
    for heading, actor in d["lead_strip"]["duties"]["examples"]:
        assert [heading[a:b] for a, b in actors.lead_actor_spans(heading, 0, len(heading))] == [actor]
    for line, actor in d["heads"]["levels"]["examples"]:
        lead = line.split(" ", 1)[1]
        assert [lead[a:b] for a, b in actors.lead_actor_spans(lead, 0, len(lead))] == [actor]
    low = d["heads"]["lowercase_bodies"]["example"]
    assert actors.is_head_at(low, 0)
    assert actors._continuation_re().match(d["continuations"]["example"].split(", ")[1])
    assert actors.role_name_at(d["role_heads"]["example"], 0, len("Cơ quan "))
    assert actors._colon_predicate_re().search(d["colon_predicates"]["example"])
    assert tasks._basis_re().match(d["basis_openers"]["example"])
    assert tasks._basis_gap_re().fullmatch(d["basis_openers"]["between_example"])
    assert tasks._forward_re().match(d["forward_openers"]["example"])
    assert tasks._amending_re().match(d["amending_acts"]["example"])
    assert actors.dangling_end_re().search(d["dangling_ends"]["example"])
    target = tasks._LEAD_TARGET.search(d["lead_targets"]["example"])
    assert target and not tasks._sector_re().match(target.group(1))
    target = tasks._LEAD_TARGET.search(d["lead_targets"]["not_example"])
    assert target and tasks._sector_re().match(target.group(1))
    assert tasks._state_collective_re().search(d["state_collectives"]["example"])
    assert tasks._execution_section_re().match(d["execution_sections"]["example"])
    assert not tasks._state_collective_re().search("Cán bộ, công chức, viên chức")
    assert not tasks._amending_re().match("Bổ sung điều kiện hỗ trợ cho các hộ nghèo.")
    assert actors._inner_head(d["inner_subject_openers"]["example"], 0, len(d["inner_subject_openers"]["example"]))
    assert tasks._qualification_re().search(d["qualifications"]["example"])
    assert not tasks._qualification_re().search("Sở Y tế phải có kế hoạch cụ thể trước ngày 30/6.")
    reply = d["normative_texts"]["reply_example"]
    assert tasks._answers_a_question(reply, 0, len(reply))
    assert not tasks._answers_a_question("Sở Tài chính nhận được công văn số 12/UBND của huyện.", 0, 60)
    assert json.dumps(d, ensure_ascii=False)


@pytest.mark.parametrize("entry", load("layout.json")["continuing_words"]["words"], ids=lambda e: e["word"])
def test_continuing_word_examples_are_joined(entry):
    from directive_nlp.normalize import normalize

    first, second = entry["example"].split("\n")
    assert first.split()[-1] == entry["word"].split()[-1]
    assert normalize(entry["example"]).text == f"{first} {second}"


@pytest.mark.parametrize("entry", load("layout.json")["fixed_phrases"]["phrases"], ids=lambda e: e["phrase"])
def test_fixed_phrase_examples_are_rejoined(entry):
    from directive_nlp.layout_repair import join_split_phrases

    assert entry["example"].replace("\n", " ") == entry["phrase"]
    assert join_split_phrases(entry["example"].split("\n")) == [entry["phrase"]]


@pytest.mark.parametrize("entry", load("layout.json")["enacting_authority"]["bodies"], ids=lambda e: e["head"])
def test_enacting_authority_examples_stand_alone(entry):
    from directive_nlp.layout_repair import join_wrapped

    subject, authority, basis = entry["example"].split("\n")
    assert authority.startswith(entry["head"])
    assert join_wrapped([subject + " VÀ", authority, basis], wrapped=False)[1] == authority


@pytest.mark.parametrize("entry", load("tasks.json")["closing_formulas"]["patterns"], ids=lambda e: e["example"][:30])
def test_closing_formula_examples(entry):
    for example in [entry["example"], *entry.get("examples", [])]:
        assert re.search(entry["re"], example, re.I)
        assert tasks._closing_formula().search(example)
