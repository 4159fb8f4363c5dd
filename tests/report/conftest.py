"""Fixtures for the report tests (the data and helpers live in report_events.py)."""

from __future__ import annotations

import pytest
from report_events import hostile_bundle

from workshop_app.domain.bundle import EventBundle


@pytest.fixture
def hostile() -> EventBundle:
    return hostile_bundle()
