"""Peer code of the decorators checks (test_public.py's ECHO_SOURCE): it runs in the sandbox, beside the student's code."""

def show_args(*args, **kw):
    "Return what it was given."
    return args, kw
