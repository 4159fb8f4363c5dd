"""Board mode: themes, votes and stars over the captured notes (outline and canvas views)."""
