"""Capture mode: note-takers type sticky notes per question, by keyboard, fast."""
