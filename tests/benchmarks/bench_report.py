"""Benchmark (run by hand): time to PDF for the demo event and a 10,000-note event, beside a
plain reportlab baseline timed in the same run.

    /work/venv/bin/python tests/benchmarks/bench_report.py [--notes 10000] [--runs 5] [--repeat 3]

Whole process (what the issue asks): the 10,000-note event is written to a .workshop file and
``workshop-app report FILE -o OUT.pdf`` runs in a fresh interpreter each time, alternating with
the baseline, ``baseline_paragraphs.py``: a fresh interpreter that reads the same notes with plain
sqlite3 and lays every note out twice (the report prints each note twice with its appendix: under
its theme, and again in the appendix table) as plain reportlab Paragraphs in the same DejaVu Sans.
Medians of ``--runs``. The report is timed with its chart cache emptied before each run (a first
report of this content) and with it warm (a report made again). Goal: within 1.5x.

In process (kept from before, ``--repeat`` best of): the report functions called in this process
beside the same baseline laid out in this process (imports already paid).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Group, Note, Question, Theme
from workshop_app.report.content import build_content
from workshop_app.report.model import ReportOptions
from workshop_app.storage.templates import demo_bundle

ROOT = Path(__file__).resolve().parents[2]
WORDS = (
    "data staff patients care time trust systems training evidence benefits nurses safety "
    "local national infrastructure log-ins wi-fi records problem solution innovators budget "
    "workload burden easier automate share early results frontline public confidence"
).split()


def big_event(
    notes: int = 10_000, tables: int = 20, questions: int = 5, themes: int = 100, seed: int = 7
) -> EventBundle:
    """A large event: notes spread over questions and tables, most of them in themes."""
    rng = random.Random(seed)
    qs = tuple(
        Question(
            text=f"Question number {i + 1}: what should change?",
            synthesis="A synthesis paragraph. " * 8,
        )
        for i in range(questions)
    )
    groups = tuple(
        Group(name=f"Table {i + 1}", facilitator=f"F{i}", note_taker=f"N{i}") for i in range(tables)
    )
    ths = tuple(
        Theme(
            question_id=qs[i % questions].id,
            title=f"Theme {i + 1} about " + " ".join(rng.sample(WORDS, 3)),
        )
        for i in range(themes)
    )
    by_question = {q.id: [t for t in ths if t.question_id == q.id] for q in qs}
    out = []
    for i in range(notes):
        q = qs[i % questions]
        themed = rng.random() < 0.8
        out.append(
            Note(
                question_id=q.id,
                group_id=groups[i % tables].id,
                text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30))).capitalize(),
                kind=rng.choice(("idea", "concern", "action", "question", "quote")),
                role=rng.choice(("Nurse", "GP", "Patient", "")),
                theme_id=rng.choice(by_question[q.id]).id if themed else None,
                votes=rng.randint(0, 5),
                starred=rng.random() < 0.02,
            )
        )
    return EventBundle(
        event=Event(title="Large event", organiser="Bench"),
        questions=qs,
        groups=groups,
        themes=ths,
        notes=tuple(out),
    )


def baseline(texts: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from workshop_app.report import fonts

    style = ParagraphStyle("b", fontName=fonts.register(), fontSize=9.5, leading=13.5)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph(escape(t).replace("\n", "<br/>"), style) for t in texts]
    )
    return buffer.getvalue()


def report(bundle: EventBundle, **options: object) -> bytes:
    from workshop_app.report.pdf import render_pdf

    return render_pdf(build_content(bundle, ReportOptions(**options)))  # type: ignore[arg-type]


def best(fn: Callable[[], bytes], repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - start)
    return min(times), size


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def whole_process(bundle: EventBundle, runs: int) -> dict[str, list[float]]:
    """Seconds per fresh-interpreter run, alternating: baseline, report (chart cache emptied),
    report (chart cache warm); wall clock, and CPU seconds under ``cpu-<case>`` (steadier on a
    busy machine)."""
    from workshop_app.storage.document import Document

    times: dict[str, list[float]] = {
        f"{kind}{case}": [] for kind in ("", "cpu-") for case in ("baseline", "cold", "warm")
    }
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        home = folder / "home"
        env = {**os.environ, "WORKSHOP_APP_HOME": str(home)}
        event = folder / "big.workshop"
        doc = Document.create(event, bundle)
        doc.backups.wait()
        doc.close()
        commands = {
            "baseline": [sys.executable, str(ROOT / "tests/benchmarks/baseline_paragraphs.py")],
            "cold": [sys.executable, "-m", "workshop_app", "report"],
            "warm": [sys.executable, "-m", "workshop_app", "report"],
        }
        # One untimed report first: the warm runs then find its charts in the cache.
        subprocess.run(
            [*commands["warm"], str(event), "-o", str(folder / "w.pdf")],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        for _ in range(runs):
            for case, command in commands.items():
                out = folder / f"{case}.pdf"
                out.unlink(missing_ok=True)
                if case == "cold":
                    shutil.rmtree(home / "cache", ignore_errors=True)
                args = (
                    [*command, str(event), str(out)]
                    if case == "baseline"
                    else [*command, str(event), "-o", str(out)]
                )
                cpu, start = _child_cpu(), time.perf_counter()
                subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True)
                times[case].append(time.perf_counter() - start)
                times[f"cpu-{case}"].append(_child_cpu() - cpu)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="whole-process runs of each")
    parser.add_argument("--repeat", type=int, default=3, help="in-process: best of")
    parser.add_argument("--whole-only", action="store_true", help="skip the in-process rows")
    args = parser.parse_args()

    bundle = big_event(args.notes)
    times = whole_process(bundle, args.runs)
    print(f"Whole process, {args.notes} notes with the appendix, medians of {args.runs}:")
    for kind, unit in (("", "wall s"), ("cpu-", "CPU s")):
        base = statistics.median(times[f"{kind}baseline"])
        print(f"{'case':<48} {unit:>8} {'ratio':>7}  runs")
        for case, name in (
            ("baseline", f"baseline: {2 * args.notes} plain Paragraphs"),
            ("cold", "workshop-app report (chart cache empty)"),
            ("warm", "workshop-app report (chart cache warm)"),
        ):
            values = times[f"{kind}{case}"]
            median = statistics.median(values)
            runs = " ".join(f"{t:.2f}" for t in values)
            print(f"{name:<48} {median:>8.2f} {median / base:>6.2f}x  {runs}")
    if args.whole_only:
        return
    print()
    in_process(bundle, args.notes, args.repeat)


def in_process(bundle: EventBundle, notes: int, repeat: int) -> None:
    demo = demo_bundle()
    start = time.perf_counter()
    report(demo)  # first call pays for importing reportlab and matplotlib
    cold = time.perf_counter() - start
    warm, demo_size = best(lambda: report(demo), repeat)

    texts = [n.text for n in bundle.notes]
    base1, _ = best(lambda: baseline(texts), repeat)
    base2, _ = best(lambda: baseline(texts + texts), repeat)
    lean, _ = best(lambda: report(bundle, appendix=False), repeat)
    full, size = best(lambda: report(bundle), repeat)

    rows = [
        ("demo event, first call (imports)", cold, "", "goal < 2 s"),
        ("demo event, warm", warm, "", f"{demo_size // 1024} KiB"),
        (f"baseline: {notes} Paragraphs", base1, "1.00x", ""),
        (f"baseline: {2 * notes} Paragraphs", base2, "1.00x", ""),
        (f"report, {notes} notes, no appendix", lean, f"{lean / base1:.2f}x", "vs 1 x notes"),
        (
            f"report, {notes} notes, full",
            full,
            f"{full / base2:.2f}x",
            f"vs 2 x notes; {size // 1024} KiB",
        ),
    ]
    print(f"In process, best of {repeat}:")
    print(f"{'case':<42} {'seconds':>8} {'ratio':>7}  note")
    for name, seconds, ratio, note in rows:
        print(f"{name:<42} {seconds:>8.2f} {ratio:>7}  {note}")


if __name__ == "__main__":
    main()
