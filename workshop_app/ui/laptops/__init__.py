"""Several laptops, one event: hand out copies (prepare), merge them back (merge), the texts
that lost a merge (conflicts) and when each laptop's notes arrived (status)."""
