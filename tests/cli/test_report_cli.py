"""workshop-app report: PDF and HTML out, options, and each kind of bad input (one line, exit 2,
nothing written)."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run
from pypdf import PdfReader

from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.workshop"
    with Document.create(path, demo_bundle()):
        pass
    return path


def test_report_pdf_with_options(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    code, stdout, _ = run(
        capsys, "report", demo_file, "-o", out, "--paper", "letter", "--no-appendix", "--anonymous"
    )
    assert code == 0 and "Wrote" in stdout
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Appendix" not in text and "Wendy Clark" not in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.workshop", "report.pdf"]


def test_report_html_from_the_file_name_or_format(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "report", demo_file, "-o", tmp_path / "r.html", "--no-charts")
    assert code == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _, _ = run(capsys, "report", demo_file, "-o", tmp_path / "r.out", "--format", "html")
    assert code == 0 and (tmp_path / "r.out").read_bytes().startswith(b"<!DOCTYPE html>")


def test_report_docx_from_the_file_name_or_format(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    out = tmp_path / "summary.docx"
    code, stdout, _ = run(capsys, "report", demo_file, "-o", out, "--no-charts")
    assert code == 0 and stdout == f"Wrote {out} (DOCX).\n"
    document = docx.Document(str(out))
    assert document.paragraphs[1].text == demo_bundle().event.title
    other = tmp_path / "summary.out"
    assert run(capsys, "report", demo_file, "-o", other, "--format", "docx")[0] == 0
    assert docx.Document(str(other)).core_properties.title == demo_bundle().event.title
    before = out.read_bytes()
    code, _, err = run(capsys, "report", demo_file, "-o", out)
    assert_one_line_error(code, err, "already exists")
    assert out.read_bytes() == before
    assert run(capsys, "report", demo_file, "-o", out, "--force", "--anonymous")[0] == 0
    assert "Wendy Clark" not in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["demo.workshop", "summary.docx", "summary.out"]  # no temporary left


def test_missing_and_corrupt_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    code, _, err = run(capsys, "report", tmp_path / "nope.workshop", "-o", out)
    assert_one_line_error(code, err, "no file called “nope.workshop”")
    corrupt = tmp_path / "bad.workshop"
    corrupt.write_bytes(b"this is not a database" * 10)
    code, _, err = run(capsys, "report", corrupt, "-o", out)
    assert_one_line_error(code, err, "“bad.workshop” is not a workshop document")
    assert not out.exists()


def test_existing_output_is_refused_unless_forced(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    out.write_text("keep me")
    code, _, err = run(capsys, "report", demo_file, "-o", out)
    assert_one_line_error(code, err, "already exists", "--force")
    assert out.read_text() == "keep me"
    code, _, _ = run(capsys, "report", demo_file, "-o", out, "--force")
    assert code == 0 and out.read_bytes().startswith(b"%PDF-")


def test_bad_logos(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    out = tmp_path / "r.pdf"
    text = tmp_path / "logo.png"
    text.write_text("not an image")
    truncated = tmp_path / "cut.png"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(buffer, "PNG")
    truncated.write_bytes(buffer.getvalue()[:60])
    cases = [
        (tmp_path / "missing.png", "no logo file called"),
        (text, "not a PNG or JPEG image"),
        (truncated, "is damaged"),
        (tmp_path, "is a folder"),
    ]
    for logo, needle in cases:
        code, _, err = run(capsys, "report", demo_file, "-o", out, "--logo", logo)
        assert_one_line_error(code, err, needle)
        assert not out.exists()
    good = tmp_path / "good.jpg"
    Image.new("RGB", (120, 40), "navy").save(good, "JPEG")
    code, _, _ = run(capsys, "report", demo_file, "-o", out, "--logo", good)
    assert code == 0 and len(PdfReader(out).pages[0].images) == 1


def test_usage_mistakes(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "report", demo_file)
    assert_one_line_error(code, err, "-o/--output")
    code, _, err = run(capsys, "report", demo_file, "-o", tmp_path / "r.pdf", "--paper", "a3")
    assert_one_line_error(code, err, "a3")
    code, _, err = run(capsys, "report", demo_file, "-o", tmp_path / "no" / "r.pdf")
    assert_one_line_error(code, err, "does not exist")


def _bomb_png(width: int, height: int) -> bytes:
    """A valid PNG of a huge all-black image that compresses to a small file."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then 1-bit pixels
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def test_decompression_bomb_logo_is_refused_before_decoding(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    out = tmp_path / "r.pdf"
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_bomb_png(20_000, 20_000))
    assert bomb.stat().st_size < 200_000
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "navy").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = (30_000).to_bytes(2, "big") * 2  # height, width
    jpeg = tmp_path / "bomb.jpg"
    jpeg.write_bytes(bytes(data))
    for logo, size in ((bomb, "20,000 × 20,000"), (jpeg, "30,000 × 30,000")):
        code, _, err = run(capsys, "report", demo_file, "-o", out, "--logo", logo)
        assert_one_line_error(code, err, logo.name, "too large", size, "50 megapixels")
        assert not out.exists()
