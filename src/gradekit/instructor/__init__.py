"""Instructor-side code: what builds and checks a release (DESIGN section 10)."""
