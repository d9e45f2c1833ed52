"""Batch over an archive: every format, error records, resume after kill -9, the same
output on a Dask cluster, and flat tables that DuckDB reads."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive_builders import directive_docx, directive_html, directive_text, write
from directive_nlp.batch import BatchOptions, run_batch
from directive_nlp.jsonl_store import Appender, recover
from directive_nlp.legacy_encodings import encode_legacy

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def mixed_archive(root: Path, n_text: int = 3) -> dict[str, str]:
    """Files of every kind; returns file name → what the batch must make of it."""
    expect = {}
    for i in range(n_text):
        write(root / "txt" / f"ct-{i}.txt", directive_text(100 + i))
        expect[f"ct-{i}.txt"] = f"{100 + i}/CT-UBND"
    write(root / "txt" / "utf16.txt", directive_text(201), "utf-16")
    expect["utf16.txt"] = "201/CT-UBND"
    write(root / "txt" / "bom.txt", "\ufeff" + directive_text(202))
    expect["bom.txt"] = "202/CT-UBND"
    for k, enc in enumerate(("windows-1258", "tcvn3", "vni")):
        write(root / "legacy" / f"{enc}.txt", encode_legacy(directive_text(210 + k), enc))
        expect[f"{enc}.txt"] = f"{210 + k}/CT-UBND"
    write(root / "word" / "ct.docx", directive_docx(203))
    expect["ct.docx"] = "203/CT-UBND"
    write(root / "web" / "ct.html", directive_html(204))
    expect["ct.html"] = "204/CT-UBND"
    write(root / "pdf" / "ct.pdf", (FIXTURES / "directive.pdf").read_bytes())
    expect["ct.pdf"] = "14/CT-UBND"
    write(root / "pdf" / "scan.pdf", (FIXTURES / "scan.pdf").read_bytes())
    expect["scan.pdf"] = "error:no text layer"
    write(root / "word" / "corrupt.docx", b"PK\x03\x04" + os.urandom(300))
    expect["corrupt.docx"] = "error:damaged"
    write(root / "txt" / "empty.txt", b"")
    expect["empty.txt"] = "error:empty"
    return expect


def read_records(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n") or not raw, "the output must end with a whole line"
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def check(records: list[dict], expect: dict[str, str]) -> None:
    names = [Path(r["source"]["file"]).name for r in records]
    assert sorted(names) == sorted(expect), "every document exactly once"
    shas = [r["source"]["sha256"] for r in records if r["source"]["sha256"]]
    assert len(shas) == len(set(shas))
    for r, name in zip(records, names, strict=True):
        want = expect[name]
        if want.startswith("error:"):
            assert want[6:] in r["error"]["message"], (name, r.get("error"))
            assert len(r["source"]["sha256"]) == 64 and r["error"]["type"] == "InputError"
        else:
            assert "error" not in r, (name, r.get("error"))
            assert r["header"]["number"] == want, name


@pytest.mark.parametrize("workers", [1, 2])
def test_mixed_archive_every_document_once(tmp_path, workers):
    expect = mixed_archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    summary = run_batch([tmp_path / "in"], out, workers=workers)
    check(read_records(out), expect)
    assert summary.written == len(expect) and summary.errors == 3 and summary.skipped == 0
    encodings = {Path(r["source"]["file"]).name: r["source"].get("encoding") for r in read_records(out)}
    assert [encodings[f"{e}.txt"] for e in ("windows-1258", "tcvn3", "vni")] == ["windows-1258", "tcvn3", "vni"]
    assert encodings["utf16.txt"] == "utf-16" and encodings["ct.docx"] is None
    assert summary.peak_rss_mb and all(v > 10 for v in summary.peak_rss_mb.values())
    again = run_batch([tmp_path / "in"], out, workers=workers)  # nothing left to do
    assert (again.written, again.skipped) == (0, len(expect))
    check(read_records(out), expect)


def test_output_is_in_input_order_whatever_the_workers(tmp_path):
    mixed_archive(tmp_path / "in", n_text=12)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([tmp_path / "in"], one, workers=1)
    run_batch([tmp_path / "in"], two, workers=2)
    assert one.read_bytes() == two.read_bytes()


def test_globs_missing_files_and_duplicates(tmp_path):
    write(tmp_path / "a" / "x.txt", directive_text(1))
    write(tmp_path / "a" / "copy.txt", directive_text(1))  # the same bytes again
    write(tmp_path / "a" / "y.docx", directive_docx(2))
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(tmp_path / "a" / "*.txt"), tmp_path / "gone.txt"], out, workers=1)
    records = read_records(out)
    assert [Path(r["source"]["file"]).name for r in records] == ["copy.txt", "gone.txt"]
    assert records[1]["error"]["message"].endswith("no such file") and records[1]["source"]["sha256"] is None
    assert summary.skipped == 1  # x.txt holds the same bytes as copy.txt
    again = run_batch([tmp_path / "gone.txt"], out, workers=1)
    assert again.written == 0, "an unreadable file is recorded once, by its path"


def test_recover_cuts_a_partial_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    with Appender(out) as sink:
        sink.write_line(
            json.dumps({"schema_version": "1.0", "source": {"file": "a", "sha256": "a" * 64}}, separators=(",", ":"))
        )
    whole = out.read_bytes()
    out.write_bytes(whole + b'{"schema_version":"1.0","source":{"file":"b","sha256":"' + b"b" * 30)
    done = recover(out)
    assert out.read_bytes() == whole and done.shas == {"a" * 64} and done.truncated_bytes == 85
    out.write_bytes(b'{"no newline at all"')
    assert recover(out).lines == 0 and out.read_bytes() == b""


def test_kill_minus_nine_then_resume(tmp_path):
    """A real run killed part-way (kill -9 to the whole process group), a partial
    line left behind as a cut-short write would, then the same command again."""
    expect = mixed_archive(tmp_path / "in", n_text=120)
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "directive_nlp", "batch", str(tmp_path / "in"), "--out", str(out), "-j", "2", "-q"]
    proc = subprocess.Popen(argv, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    first = out.read_bytes().count(b"\n")
    assert 5 <= first < len(expect), "the kill must land part-way"
    with out.open("ab") as fh:
        fh.write(b'{"schema_version":"1.0","source":{"file":"half')
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "cut a partial last line" in proc.stderr
    check(read_records(out), expect)


def test_dask_cluster_gives_the_same_output(tmp_path):
    distributed = pytest.importorskip("distributed")
    mixed_archive(tmp_path / "in", n_text=6)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch([tmp_path / "in"], local, workers=2)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        summary = run_batch([tmp_path / "in"], remote, scheduler=cluster.scheduler_address)
    assert local.read_bytes() == remote.read_bytes()
    assert summary.written == len(read_records(local))
    assert len(summary.peak_rss_mb) == 2, "both cluster workers took documents"


def test_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from directive_nlp import executors
    from directive_nlp.errors import InputError

    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", "1s")
    write(tmp_path / "in" / "a.txt", directive_text(1))
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        run_batch([tmp_path / "in"], tmp_path / "o.jsonl", scheduler="tcp://127.0.0.1:9")


def test_parquet_tables_read_in_duckdb(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    from directive_nlp.parquet_out import write_parquet

    expect = mixed_archive(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], out, workers=1, options=BatchOptions(use_model=False))
    counts = write_parquet(out, tmp_path / "tables")
    assert counts["documents"] == len(expect)
    con = duckdb.connect()
    t = str(tmp_path / "tables")
    n_docs, n_err = con.execute(f"select count(*), count(error_type) from '{t}/documents.parquet'").fetchone()
    assert (n_docs, n_err) == (len(expect), 3)
    joined = con.execute(
        f"select d.number, count(*) from '{t}/tasks.parquet' t join '{t}/documents.parquet' d using (sha256) "
        "where d.number = '203/CT-UBND' group by 1"
    ).fetchall()
    assert joined and joined[0][1] >= 3
    dates = con.execute(f"select min(deadline_date), max(deadline_date) from '{t}/tasks.parquet'").fetchone()
    assert str(dates[0]) <= "2023-06-15" and str(dates[1]) >= "2023-06-30"
    refs = con.execute(f"select distinct canonical from '{t}/legal_references.parquet' order by 1").fetchall()
    assert ("16/CT-TTg",) in refs
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(f"{k}.parquet" for k in counts)


def test_a_document_that_kills_its_worker_becomes_an_error_record(tmp_path, monkeypatch):
    """A worker process dying (a crash in a native library, the OOM killer) breaks the
    whole pool: the batch starts a new one, retries the documents in flight, and
    records the one that kills a worker twice."""
    from directive_nlp import batch

    real = batch.extract_line

    def dies_on_poison(data, name, sha256, options):
        if "poison" in name:
            os._exit(9)
        return real(data, name, sha256, options)

    # pickled by reference: workers forked after the patch find it under the same name
    dies_on_poison.__module__, dies_on_poison.__qualname__ = "directive_nlp.batch", "extract_line"
    monkeypatch.setattr(batch, "extract_line", dies_on_poison)
    expect = {}
    for i in range(6):
        write(tmp_path / "in" / f"a{i}.txt", directive_text(300 + i))
        expect[f"a{i}.txt"] = f"{300 + i}/CT-UBND"
    write(tmp_path / "in" / "a2-poison.txt", directive_text(399))
    out = tmp_path / "out.jsonl"
    summary = run_batch([tmp_path / "in"], out, workers=2)
    records = read_records(out)
    poison = [r for r in records if "poison" in r["source"]["file"]]
    assert len(poison) == 1 and poison[0]["error"]["type"] == "WorkerDied"
    check([r for r in records if r not in poison], expect)
    assert summary.errors == 1 and summary.written == 7


def test_resuming_with_other_settings_is_refused(tmp_path):
    from directive_nlp.batch import settings_path
    from directive_nlp.errors import InputError

    write(tmp_path / "in" / "a.txt", directive_text(1))
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], out, workers=1, options=BatchOptions(use_model=False))
    assert json.loads(settings_path(out).read_text())["use_model"] is False
    with pytest.raises(InputError, match="use_model=False"):
        run_batch([tmp_path / "in"], out, workers=1, options=BatchOptions(use_model=True))
    with pytest.raises(InputError, match="reference_date=None"):
        run_batch([tmp_path / "in"], out, workers=1, options=BatchOptions(use_model=False, reference_date="2024-01-01"))
    assert run_batch([tmp_path / "in"], out, workers=1, options=BatchOptions(use_model=False)).skipped == 1


def test_an_oversized_file_is_refused_without_being_read(tmp_path, monkeypatch):
    from directive_nlp import batch

    monkeypatch.setattr(batch, "MAX_BYTES", 1000)
    write(tmp_path / "in" / "big.txt", directive_text(1) * 3)
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], out, workers=1)
    (record,) = read_records(out)
    assert "larger than" in record["error"]["message"] and len(record["source"]["sha256"]) == 64
    assert run_batch([tmp_path / "in"], out, workers=1).skipped == 1
