"""Peer code of the dicts checks (_shared.py's INVERT_PROBE): it runs in the sandbox, beside the student's code."""

import dicts


def probe(d):
    return dicts.invert(d), d
