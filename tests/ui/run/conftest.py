"""Run mode's fixture: the demo event as the GUI holds it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.document_model import DocumentModel


@pytest.fixture
def demo_model(tmp_path: Path) -> Iterator[DocumentModel]:
    """The demo event in a file of this test's own, as the GUI holds it."""
    document = Document.create(tmp_path / "demo.workshop", demo_bundle())
    model = DocumentModel(document)
    yield model
    document.close()
