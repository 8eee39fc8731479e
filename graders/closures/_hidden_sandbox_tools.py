"""Peer code of the closures checks (test_hidden.py's TOOLS): it runs in the sandbox, beside the student's code."""

def laziness(lazy_sum):
    """How many additions happened before and after calling the returned function."""
    log = []

    class Num:
        def __init__(self, v):
            self.v = v
        def __add__(self, other):
            log.append(1)
            return Num(self.v + (other.v if isinstance(other, Num) else other))
        __radd__ = __add__

    f = lazy_sum(Num(1), Num(2), Num(3))
    before = len(log)
    result = f()
    return before, len(log) - before, result.v if isinstance(result, Num) else result

tools = {"laziness": laziness}
