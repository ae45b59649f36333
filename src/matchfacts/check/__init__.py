"""The checker: spot the statistical claims in a written preview, parse each into a fact
form (the registry in `facts.forms`), and verify it against the store as of a date."""
