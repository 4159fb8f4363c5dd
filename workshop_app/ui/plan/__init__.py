"""Plan mode: the organiser prepares the event (details, speakers, questions, tables, agenda)."""
