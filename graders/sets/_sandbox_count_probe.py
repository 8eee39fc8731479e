"""Peer code of the sets checks (_shared.py's COUNT_PROBE): it runs in the sandbox, beside the student's code."""

import sets


def probe(items):
    return sets.unique_count(items), items
