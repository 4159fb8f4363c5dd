"""Fixtures for the attendee server: a model on a fresh demo event, and a server on loopback.

Both are deleted (Qt's deferred deletes run) before the next test, as the window does when an
event closes: a model left to the garbage collector with undo steps pushed from socket
callbacks has crashed the interpreter at exit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from workshop_app.storage.templates import open_demo
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.phones.server import AttendeeServer


@pytest.fixture
def model(qapp: object) -> Iterator[DocumentModel]:
    document = open_demo()
    model = DocumentModel(document)
    yield model
    document.close()
    model.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def server(model: DocumentModel) -> Iterator[AttendeeServer]:
    server = AttendeeServer(model, model)
    server.start("127.0.0.1")
    yield server
    server.stop()
