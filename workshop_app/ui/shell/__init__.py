"""The main window's chrome: menus, mode tabs, welcome page, help, file operations."""
