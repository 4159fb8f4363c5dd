"""The whole-process baseline for bench_report.py (run by it in a fresh interpreter):

    python baseline_paragraphs.py EVENT.workshop OUT.pdf [COPIES]

Reads the event's note texts with plain sqlite3 and lays each out COPIES times (default 2: the
report prints every note twice with its appendix) as plain reportlab Paragraphs in the same
DejaVu Sans, in one SimpleDocTemplate story with reportlab's defaults: the cheapest way reportlab
can print that much text. Imports nothing of workshop_app, so it pays only for Python, reportlab
and the font.
"""

import sqlite3
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSans.ttf"


def main() -> None:
    source, out = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
        texts = [t for (t,) in conn.execute("SELECT text FROM note WHERE deleted = 0")]
    style = ParagraphStyle("b", fontName="DejaVuSans", fontSize=9.5, leading=13.5)
    story = [Paragraph(escape(t).replace("\n", "<br/>"), style) for t in texts * copies]
    SimpleDocTemplate(out, pagesize=A4).build(story)


if __name__ == "__main__":
    main()
