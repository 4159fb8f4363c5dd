"""Services and widgets shared by the shell and every mode: dialogs, settings,
text size, focus, icons, the key table, the crash dialog and the sticky-note look."""
