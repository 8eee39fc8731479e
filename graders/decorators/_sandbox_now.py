"""Peer code of the decorators checks (test_public.py's NOW_SOURCE): it runs in the sandbox, beside the student's code."""

def now():
    "Return today's date."
    return "2025-01-01"
