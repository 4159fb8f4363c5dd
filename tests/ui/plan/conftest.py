"""Plan mode's fixtures: a small event (one of everything) or the demo, its model, the
dialogs (answering yes to every "Delete …?" and 3 to every "How many?") and a shown Plan page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.common.fakes import FakeDialogs
from tests.ui.plan.plan_helpers import show_page, small_bundle
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan.page import PlanPage


@pytest.fixture
def document(tmp_path: Path) -> Iterator[Document]:
    doc = Document.create(tmp_path / "small.workshop", small_bundle())
    yield doc
    doc.close()


@pytest.fixture
def demo_document(tmp_path: Path) -> Iterator[Document]:
    doc = Document.create(tmp_path / "demo.workshop", demo_bundle())
    yield doc
    doc.close()


@pytest.fixture
def model(document: Document) -> DocumentModel:
    return DocumentModel(document)


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs(confirm=True, count=3)


@pytest.fixture
def page(qtbot, model: DocumentModel, dialogs: FakeDialogs) -> PlanPage:
    return show_page(qtbot, model, dialogs)
