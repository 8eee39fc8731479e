"""Peer code of the slicing checks (test_public.py's KEEPS): it runs in the sandbox, beside the student's code."""

import slicing


def reverse_keeps(items):
    before = list(items)
    slicing.reverse(items)
    return items == before
