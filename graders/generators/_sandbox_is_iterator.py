"""Peer code of the generators checks (test_public.py's IS_ITERATOR): it runs in the sandbox, beside the student's code."""

def is_iterator(obj):
    return hasattr(type(obj), "__next__") and iter(obj) is obj
