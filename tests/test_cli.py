"""The command line, through Typer's runner and through a real subprocess."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archive_builders import directive_docx
from directive_nlp.cli import app
from directive_nlp.schema import SCHEMA_VERSION

runner = CliRunner()
SAMPLE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 04/CT-UBND\nAn Giang, ngày 14 tháng 9 năm 2021\nCHỈ THỊ\nVề việc phòng chống dịch\n"
    "1. Sở Y tế chủ trì, phối hợp với các địa phương tổ chức tiêm chủng trước ngày 30/9/2021.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Phước\n"
)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    p = tmp_path / "ct.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    return p


def test_extract_prints_one_json_object(sample):
    res = runner.invoke(app, ["extract", str(sample)])
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert doc["header"]["number"] == "04/CT-UBND"
    assert doc["signer"]["name"] == "Lê Văn Phước"
    assert doc["source"]["file"] == "ct.txt" and len(doc["source"]["sha256"]) == 64


def test_output_file_is_written(sample, tmp_path):
    out = tmp_path / "out.json"
    res = runner.invoke(app, ["extract", str(sample), "-o", str(out), "--pretty"])
    assert res.exit_code == 0 and res.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        (b"Quy\xe1t \xc3\x28 not utf8 \xfd", "not UTF-8"),
    ],
)
def test_bad_input_gives_one_line_and_no_output(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out.json"
    res = runner.invoke(app, ["extract", str(bad), "-o", str(out)])
    assert res.exit_code == 2
    assert message in res.stderr and res.stderr.count("\n") == 1
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_missing_file_and_directory(tmp_path):
    for target, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory")):
        res = runner.invoke(app, ["extract", str(target)])
        assert res.exit_code == 2 and message in res.stderr


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings(tmp_path, encoding):
    p = tmp_path / "doc.txt"
    p.write_bytes(SAMPLE.encode(encoding))
    res = runner.invoke(app, ["extract", str(p)])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["header"]["issued_date"] == "2021-09-14"


def test_stdin_and_reference_date():
    res = runner.invoke(app, ["extract", "-", "--reference-date", "2021-09-01"], input=SAMPLE)
    assert res.exit_code == 0
    assert runner.invoke(app, ["extract", "-", "--reference-date", "2021/09/01"], input=SAMPLE).exit_code == 2


def test_schema_command():
    res = runner.invoke(app, ["schema"])
    schema = json.loads(res.stdout)
    assert "header" in schema["properties"] and "tasks" in schema["properties"]


def test_every_command_has_help():
    for cmd in ("extract", "schema", "batch", "export"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and len(res.stdout) > 100


def test_batch(tmp_path, sample):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "res" / "out.jsonl"
    res = runner.invoke(app, ["batch", str(tmp_path), "-o", str(out), "-j", "1"])
    assert res.exit_code == 0, res.output
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]["file"]).name for r in records] == ["ct.txt", "empty.txt"]
    assert records[0]["header"]["number"] == "04/CT-UBND"
    assert records[1]["error"] == {"type": "InputError", "message": "the input is empty"}
    assert "1 extracted, 1 errors" in res.stderr


def test_real_subprocess_and_python_m(sample):
    for argv in ([sys.executable, "-m", "directive_nlp", "extract", str(sample)],):
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["header"]["doc_type"] == "CT"
    proc = subprocess.run(
        [sys.executable, "-m", "directive_nlp", "extract", "/no/such/file"], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_html_and_docx_inputs(tmp_path):
    import zipfile

    html = tmp_path / "page.html"
    html.write_text(
        "<html><body><p>Số: 04/CT-UBND</p><p>An Giang, ngày 14 tháng 9 năm 2021</p><script>x</script></body></html>",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["extract", str(html)])
    assert json.loads(res.stdout)["header"]["number"] == "04/CT-UBND"
    docx = tmp_path / "doc.docx"
    docx.write_bytes(directive_docx(7))
    res = runner.invoke(app, ["extract", str(docx)])
    assert json.loads(res.stdout)["header"]["number"] == "7/CT-UBND"
    # a package without its content-types part (some converters write these) is still read
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(bare, "w") as dst:
        for item in src.namelist():
            if item != "[Content_Types].xml":
                dst.writestr(item, src.read(item))
    res = runner.invoke(app, ["extract", str(bare)])
    assert json.loads(res.stdout)["header"]["number"] == "7/CT-UBND"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    assert runner.invoke(app, ["extract", str(broken)]).exit_code == 2


def test_batch_parquet_and_export(tmp_path, sample):
    pytest.importorskip("pyarrow")
    out = tmp_path / "r.jsonl"
    res = runner.invoke(app, ["batch", str(sample), "--out", str(out), "--parquet", str(tmp_path / "t"), "-q"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "t" / "tasks.parquet").stat().st_size > 0
    res = runner.invoke(app, ["export", str(out), str(tmp_path / "t2")])
    assert res.exit_code == 0 and "1 documents" in res.stderr
    (tmp_path / "not.jsonl").write_text("not json\n", encoding="utf-8")
    res = runner.invoke(app, ["export", str(tmp_path / "not.jsonl"), str(tmp_path / "t3")])
    assert res.exit_code == 2 and "is not a batch output" in res.stderr
    assert not (tmp_path / "t3").exists() or not any((tmp_path / "t3").iterdir())
