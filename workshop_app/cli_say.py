"""How every ``workshop-app`` command prints: ``say``. Its own module so that the command
modules (cli_commands.py, cli_merge.py, …) and cli.py, which loads them, all import it from
below instead of from each other."""

from __future__ import annotations

import sys

from workshop_app.domain.safe_text import for_terminal


def say(text: str = "", *, error: bool = False) -> None:
    """Print a line to the terminal (stderr if ``error``): every command prints through here, so
    control characters in user text are shown as escapes instead of steering the terminal."""
    print(for_terminal(text), file=sys.stderr if error else sys.stdout)
