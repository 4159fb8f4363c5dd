"""Attendees' phones: a tiny page on the room's network that adds notes (Run ▸ Attendee Input)."""
