"""The HTML report's style sheet: the PDF's typography for screens, and print rules."""

from __future__ import annotations

_CSS = """
:root { --ink: #1a1a1a; --muted: #595959; --accent: #1f3a5f; --rule: #c8cdd3; --shade: #f1f3f5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; color: var(--ink);
  font: 1rem/1.55 "DejaVu Sans", "Segoe UI", system-ui, -apple-system, sans-serif; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; outline: 3px solid; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.cover { border-top: 6px solid var(--accent); padding: 3rem 0 2rem; margin-bottom: 2rem; }
.logo { max-height: 5rem; max-width: 14rem; display: block; margin-bottom: 2.5rem; }
.kicker, .label { color: var(--accent); font-weight: bold; letter-spacing: .06em;
  text-transform: uppercase; font-size: .85rem; margin: 0 0 .4rem; }
h1 { font-size: 2.3rem; line-height: 1.2; margin: .6rem 0 1.5rem; }
h2 { color: var(--accent); font-size: 1.6rem; line-height: 1.25; margin: 3rem 0 1rem; }
.question h2 { color: var(--ink); margin-top: .2rem; }
h3 { color: var(--accent); font-size: 1.15rem; margin: 2rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.5rem 0 .1rem; }
h4.table-name { color: var(--muted); text-transform: uppercase; font-size: .8rem; }
h2.contents { font-size: 1.1rem; margin-top: 0; }
nav { border-block: 1px solid var(--rule); padding: 1rem 0; }
.lead { font-size: 1.1rem; }
.numbers { list-style: none; padding: 1rem 0 0; margin: 2rem 0 0; display: flex; gap: 2.5rem;
  border-top: 1px solid var(--accent); color: var(--muted); }
.numbers strong { display: block; font-size: 2rem; color: var(--ink); }
.facts { display: grid; grid-template-columns: 9rem 1fr; gap: .3rem 1rem; margin: 1rem 0; }
.facts dt { color: var(--muted); font-weight: bold; font-size: .85rem; }
.facts dd { margin: 0; }
.user { white-space: pre-wrap; overflow-wrap: anywhere; }
.prompt { color: var(--muted); font-style: italic; }
.stats, .small, .meta { color: var(--muted); font-size: .82rem; }
.meta { display: block; }
.empty { color: var(--muted); font-style: italic; }
.question { border-top: 2px solid var(--accent); margin-top: 3rem; padding-top: 1rem; }
.quote { margin: 1.2rem 0; padding-left: 1rem; border-left: 4px solid var(--accent); }
.quote blockquote { margin: 0; font-size: 1.2rem; font-style: italic; }
.quote blockquote p { margin: 0; }
.quote figcaption { color: var(--muted); font-size: .85rem; margin-top: .3rem; }
#key-quotes .quote blockquote { font-size: 1.45rem; }
ul.notes { padding-left: 1.2rem; }
ul.notes li { margin: .45rem 0; }
li.starred { list-style: none; margin-left: -1.1rem; }
.star { color: var(--accent); }
ul.plain { list-style: none; padding: 0; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1.5rem; }
caption { text-align: left; color: var(--muted); font-size: .8rem; padding-bottom: .3rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--rule); }
thead th { color: var(--accent); border-bottom: 2px solid var(--accent); }
tbody th { font-weight: normal; }
tbody tr:nth-child(even) { background: var(--shade); }
figure.chart { margin: 1.5rem 0; }
figure.chart img { width: 100%; height: auto; }
figure.chart figcaption { font-weight: bold; margin-top: .3rem; }
@media print {
  @page { size: PAPER; margin: 20mm 18mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .skip { display: none; }
  .cover { break-after: page; padding-top: 30mm; }
  .question, #appendix, #glance { break-before: page; border-top: none; }
  h2, h3, h4, .label { break-after: avoid; }
  figure, li, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""

_PAPER = {"a4": "A4", "letter": "letter"}


def css(paper: str) -> str:
    """The style sheet, printing on ``paper`` ("a4" or "letter")."""
    return _CSS.replace("PAPER", _PAPER.get(paper, "A4")).strip()
