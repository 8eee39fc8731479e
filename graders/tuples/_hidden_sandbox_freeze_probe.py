"""Peer code of the tuples checks (test_hidden.py's FREEZE_PROBE): it runs in the sandbox, beside the student's code."""

def probe(fn, rows):
    """Freeze rows built here, then change the original: the frozen copy must not notice, and must hash."""
    result = fn(rows)
    try:
        hash(result)
        hashable = True
    except TypeError:
        hashable = False
    for row in rows:
        if isinstance(row, list) and row:
            row[0] = "CHANGED"
    rows.append(["NEW"])
    return [result, hashable]
