"""Peer code of the lists checks (test_public.py's PROBE): it runs in the sandbox, beside the student's code."""

def probe(fn, items, *args):
    data = list(items)
    result = fn(data, *args)
    return [result, data, result is data]
