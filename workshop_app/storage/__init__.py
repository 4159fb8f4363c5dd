"""The .workshop event document: SQLite storage, interchange and exports. No Qt here."""
