"""Peer code of the lists checks (test_hidden.py's PROBES): it runs in the sandbox, beside the student's code."""

def probe(fn, items, *args):
    """Call fn on a list built here; report the result, the list afterwards and whether they are one object."""
    data = list(items)
    result = fn(data, *args)
    return [result, data, result is data]


def probe_raises(fn, items, *args):
    """Like probe, for a call expected to raise ValueError: did it, and what is left of the list?"""
    data = list(items)
    try:
        fn(data, *args)
    except ValueError:
        return [True, data]
    return [False, data]
