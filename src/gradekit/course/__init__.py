"""The course as data: kits, topics, mutants and the assignment file (DESIGN.md §10)."""
