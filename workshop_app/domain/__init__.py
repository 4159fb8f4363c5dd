"""Plain-Python domain: records, rules and errors. Imports nothing else of ours, no Qt, no SQL."""
