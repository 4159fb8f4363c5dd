"""workshop-app check: findings listed like a linter's (exit 1), none (exit 0), errors (exit 2);
--redact on report and export: the planted data is gone from every format, the words around it
stay; --anonymous also hides the names inside the notes."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run
from pypdf import PdfReader

from workshop_app.domain.bundle import EventBundle
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle


def nhs_number(nine: str) -> str:
    """``nine`` with its Modulus 11 check digit, computed here (spaced 3-3-4)."""
    check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
    assert check != 10, "pick other digits"
    digits = nine + str(check % 11)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


NHS = nhs_number("485777345")
#: (words before, the personal data, words after, its label); the words are unusual on purpose.
PLANTED = [
    ("Quokka carer read out", NHS, "wombat before lunch", "[NHS number]"),
    ("Ocelot mobile", "07700 900461", "pangolin evenings", "[phone]"),
    ("Narwhal mail", "jo.bloggs@example.org", "axolotl soon", "[email]"),
    ("Tapir lives at", "LS6 2QZ", "okapi by bus", "[postcode]"),
    ("Gibbon thanks", "Priya", "meerkat for chairing", "[name]"),  # the demo's facilitator
    ("Ibex per", "Wendy Clark", "lemur keynote", "[name]"),  # the demo's keynote speaker
]
#: Where each plant goes: note texts, the first question's write-up, a theme's summary.
SYNTHESIS, THEME_SUMMARY = 4, 5


def planted_bundle() -> EventBundle:
    bundle = demo_bundle()
    q1 = bundle.questions[0]
    notes = list(bundle.notes)
    at_table = [i for i, n in enumerate(notes) if n.question_id == q1.id and n.group_id][:4]
    for index, (before, secret, after, _) in zip(at_table, PLANTED, strict=False):
        notes[index] = replace(notes[index], text=f"{before} {secret} {after}.")
    before, secret, after, _ = PLANTED[SYNTHESIS]
    questions = (replace(q1, synthesis=f"{before} {secret} {after}."), *bundle.questions[1:])
    theme = bundle.themes[0]
    before, secret, after, _ = PLANTED[THEME_SUMMARY]
    themes = (replace(theme, summary=f"{before} {secret} {after}."), *bundle.themes[1:])
    return replace(bundle, notes=tuple(notes), questions=questions, themes=themes)


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    path = tmp_path / "planted.workshop"
    with Document.create(path, planted_bundle()):
        pass
    return path


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_redacted(
    text: str, *, kinds: set[str] | None = None, lists_names: bool = True, notes_only: bool = False
) -> None:
    """None of the planted data (of ``kinds`` labels, default all) is in ``text``, even with its
    spaces taken out; the words around each plant and its label are. Where ``lists_names``,
    the event's own lists (speakers, who ran each table) may still name a planted person.
    ``notes_only``: a format with the notes alone (CSV), not the write-ups."""
    text = flat(text)
    squeezed = re.sub(r"\s", "", text)
    for before, secret, after, label in PLANTED[:SYNTHESIS] if notes_only else PLANTED:
        if kinds is not None and label not in kinds:
            continue
        if label == "[name]" and lists_names:
            assert f"{before} {secret}" not in text, secret
        else:
            assert re.sub(r"\s", "", secret) not in squeezed, secret
        assert f"{before} {label} {after}" in text, (before, label, after)


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx, in order."""
    import docx
    from docx.table import Table

    out = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            out += [cell.text for row in block.rows for cell in row.cells]
        else:
            out.append(block.text)
    return "\n".join(out)


def test_check_lists_every_finding_and_exits_1(
    planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = planted.read_bytes()
    code, out, err = run(capsys, "check", planted)
    assert code == 1 and err == ""
    for _, secret, _, _ in PLANTED:
        assert f"“{secret}”" in out
    assert "Question 1 · Table 1: note text: NHS number “" + NHS + "”" in out
    assert "Question 1: question synthesis: name “Priya”" in out
    assert out.rstrip().splitlines()[-1].startswith("6 findings (1 NHS number, 1 email, ")
    assert planted.read_bytes() == before  # read-only

    code, out, _ = run(capsys, "check", planted, "--json")
    assert code == 1
    findings = json.loads(out)["findings"]
    assert [(f["kind"], f["text"]) for f in findings][:4] == [
        ("name", "Priya"),
        ("name", "Wendy Clark"),
        ("nhs_number", NHS),
        ("phone", "07700 900461"),
    ]
    with Document.open(planted, readonly=True) as doc:
        bundle = doc.bundle()
    texts = {r.id: r for r in bundle.records()}
    for f in findings:
        assert set(f) == {"record", "record_id", "field", "kind", "text", "start", "end", "place"}
        assert getattr(texts[f["record_id"]], f["field"])[f["start"] : f["end"]] == f["text"]


def test_check_finds_nothing_in_the_demo_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.workshop"
    with Document.create(path, demo_bundle()):
        pass
    assert run(capsys, "check", path) == (0, "No personal data found.\n", "")
    code, out, _ = run(capsys, "check", path, "--json")
    assert code == 0 and json.loads(out) == {"findings": []}


def test_check_errors_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "check", tmp_path / "nope.workshop")
    assert_one_line_error(code, err, "no file called “nope.workshop”")
    bad = tmp_path / "bad.workshop"
    bad.write_bytes(b"not a database" * 20)
    code, _, err = run(capsys, "check", bad)
    assert_one_line_error(code, err, "is not a workshop document")
    code, _, err = run(capsys, "check")
    assert_one_line_error(code, err, "FILE.workshop")


def test_check_prints_control_characters_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = demo_bundle()
    theme = replace(bundle.themes[0], title="\x1b]0;pwned\x07Access", summary="ring 07700 900461")
    path = tmp_path / "hostile.workshop"
    with Document.create(path, replace(bundle, themes=(theme, *bundle.themes[1:]))):
        pass
    code, out, _ = run(capsys, "check", path)
    assert code == 1 and "\x1b" not in out and "\x07" not in out
    assert "theme “\\x1b]0;pwned\\x07Access”: theme summary: phone number “07700 900461”" in out
    code, out, _ = run(capsys, "check", path, "--json")
    assert "\x1b" not in out and json.loads(out)["findings"][0]["place"].startswith(
        "Question 1 · theme “\x1b]0;pwned\x07Access"
    )


def test_redacted_report_and_exports_hold_none_of_the_data(
    planted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "r.pdf"
    assert run(capsys, "report", planted, "-o", pdf, "--redact")[0] == 0
    pages = PdfReader(io.BytesIO(pdf.read_bytes())).pages
    assert_redacted("\n".join(page.extract_text() for page in pages))
    html = tmp_path / "r.html"
    assert run(capsys, "report", planted, "-o", html, "--redact")[0] == 0
    assert_redacted(html.read_text(encoding="utf-8"))
    word = tmp_path / "r.docx"
    assert run(capsys, "report", planted, "-o", word, "--redact")[0] == 0
    assert_redacted(docx_text(word))
    for fmt in ("csv", "md", "json"):
        out = tmp_path / f"e.{fmt}"
        assert run(capsys, "export", planted, "--format", fmt, "-o", out, "--redact")[0] == 0
        text = out.read_text(encoding="utf-8")
        text = text.replace("\\[", "[").replace("\\]", "]")  # Markdown escapes [ and ]
        assert_redacted(text, notes_only=fmt == "csv")
    unredacted = tmp_path / "plain.csv"
    assert run(capsys, "export", planted, "--format", "csv", "-o", unredacted)[0] == 0
    assert NHS in unredacted.read_text(encoding="utf-8")  # without --redact nothing changes


def test_anonymous_report_also_hides_names_in_the_notes(
    planted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def pdf_text(*options: str) -> str:
        pdf = tmp_path / "anon.pdf"
        assert run(capsys, "report", planted, "-o", pdf, "--force", *options)[0] == 0
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)

    text = pdf_text("--anonymous")
    assert_redacted(text, kinds={"[name]"}, lists_names=False)
    assert NHS in text  # only names: the rest needs --redact
    assert_redacted(pdf_text("--anonymous", "--redact"), lists_names=False)
    word = tmp_path / "anon.docx"
    assert run(capsys, "report", planted, "-o", word, "--anonymous")[0] == 0
    assert_redacted(docx_text(word), kinds={"[name]"}, lists_names=False)
