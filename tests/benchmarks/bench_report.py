"""Benchmark (run by hand): time to PDF for the demo event and a 10,000-note event, beside a
plain reportlab baseline laid out in the same run.

    /work/venv/bin/python tests/benchmarks/bench_report.py [--notes 10000] [--repeat 3]

The baseline lays out the same note strings as plain Paragraphs (escaped, same DejaVu Sans) in
one story with SimpleDocTemplate: the cheapest way reportlab can print them. The report prints
every note twice when the appendix is on (grouped under its theme, and again in the appendix
table), so it is compared with a baseline of the strings once and, for the full report, twice.
Goal: within 1.5x of the matching baseline; the demo under 2 s.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    demo = demo_bundle()
    start = time.perf_counter()
    report(demo)  # first call pays for importing reportlab and matplotlib
    cold = time.perf_counter() - start
    warm, demo_size = best(lambda: report(demo), args.repeat)

    bundle = big_event(args.notes)
    texts = [n.text for n in bundle.notes]
    base1, _ = best(lambda: baseline(texts), args.repeat)
    base2, _ = best(lambda: baseline(texts + texts), args.repeat)
    lean, _ = best(lambda: report(bundle, appendix=False), args.repeat)
    full, size = best(lambda: report(bundle), args.repeat)

    rows = [
        ("demo event, first call (imports)", cold, "", "goal < 2 s"),
        ("demo event, warm", warm, "", f"{demo_size // 1024} KiB"),
        (f"baseline: {args.notes} Paragraphs", base1, "1.00x", ""),
        (f"baseline: {2 * args.notes} Paragraphs", base2, "1.00x", ""),
        (f"report, {args.notes} notes, no appendix", lean, f"{lean / base1:.2f}x", "vs 1 x notes"),
        (
            f"report, {args.notes} notes, full",
            full,
            f"{full / base2:.2f}x",
            f"vs 2 x notes; {size // 1024} KiB",
        ),
    ]
    print(f"{'case':<42} {'seconds':>8} {'ratio':>7}  note")
    for name, seconds, ratio, note in rows:
        print(f"{name:<42} {seconds:>8.2f} {ratio:>7}  {note}")


if __name__ == "__main__":
    main()
