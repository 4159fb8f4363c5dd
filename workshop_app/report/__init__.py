"""The event summary: report content, charts and the PDF/HTML renderers. No Qt here."""
