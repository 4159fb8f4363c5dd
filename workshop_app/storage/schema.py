"""Identity and version of the .workshop file format (the migrations are in migrations.py).

Migrations are frozen in time: each states its own SQL and never derives it from today's
dataclasses, so an old file always upgrades the same way. Add a new function for every change and
bump ``SCHEMA_VERSION`` (stored as ``PRAGMA user_version``).
"""

from __future__ import annotations

#: ``PRAGMA application_id`` of every workshop document: "WKSP" in ASCII.
APPLICATION_ID = 0x574B5350
#: ``PRAGMA user_version`` written by this version of the app.
SCHEMA_VERSION = 8
