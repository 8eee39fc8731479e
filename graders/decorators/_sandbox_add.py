"""Peer code of the decorators checks (test_public.py's ADD_SOURCE): it runs in the sandbox, beside the student's code."""

def add(x, y):
    "Add two numbers."
    return x + y
