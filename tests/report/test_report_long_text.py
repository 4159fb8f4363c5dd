"""Text longer than the app allows (from a damaged or foreign file) is cut visibly in the report's
body and printed whole in the appendix, in bounded time (issue 10, item 7)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from workshop_app import paths
from workshop_app.domain.records import MAX_TEXT
from workshop_app.storage import interchange
from workshop_app.storage.document import Document

ROOT = Path(__file__).resolve().parents[2]
DEMO = Path(str(paths.resource("demo", "demo-event.json")))
MARKER = "… [truncated: full text in the appendix]"


def _event_with_a_long_note(folder: Path, length: int) -> tuple[Path, str]:
    path = folder / "long.workshop"
    with Document.create(path, interchange.parse(DEMO.read_bytes())):
        pass
    words = " ".join(f"w{i}" for i in range(length // 4))[: length - 8] + " THE-END"
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE note SET text = ? WHERE id = "
            "(SELECT id FROM note WHERE question_id IS NOT NULL LIMIT 1)",
            (words,),
        )
    return path, words


def test_a_two_megabyte_note_is_cut_in_the_body_and_whole_in_the_appendix(tmp_path: Path) -> None:
    doc_path, words = _event_with_a_long_note(tmp_path, 2_000_000)
    out = tmp_path / "summary.pdf"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "workshop_app", "report", str(doc_path), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert took < 30, f"the report took {took:.0f} s"
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert MARKER in " ".join(text.split())
    body, appendix = text.rsplit("Appendix: every note", 1)
    assert "THE-END" not in body and "THE-END" in appendix
    assert len(" ".join(appendix.split())) > len(words)  # every word of the note is there


def test_html_cuts_the_body_too(tmp_path: Path) -> None:
    doc_path, words = _event_with_a_long_note(tmp_path, 60_000)
    out = tmp_path / "summary.html"
    done = subprocess.run(
        [sys.executable, "-m", "workshop_app", "report", str(doc_path), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    appendix = html.index('id="appendix"')
    assert html.count(MARKER) >= 1 and html.rindex(MARKER) < appendix
    assert html.count(words) == 1 and html.index(words) > appendix  # whole, in the appendix
    cut = html[html.index(MARKER) - MAX_TEXT : html.index(MARKER)]
    assert words[:100] in cut
