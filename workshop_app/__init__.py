"""workshop-app: plan, run and report in-person workshops, offline."""

from typing import Any


def __getattr__(name: str) -> Any:
    """``workshop_app.__version__``, read on first use from pyproject.toml or the installed
    metadata (``workshop_app.version``): the number is written in one place only."""
    if name == "__version__":
        from workshop_app.version import app_version

        return app_version()
    raise AttributeError(f"module 'workshop_app' has no attribute {name!r}")
