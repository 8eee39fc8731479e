"""Peer code of the decorators checks (_tools.py's COUNTED_SOURCE): it runs in the sandbox, beside the student's code."""

def make_counted(name, key, seconds=0):
    import time
    from gradekit.sandbox.child.tally import tally
    calls = []

    def counted(*args, **kwargs):
        tally(key)
        calls.append(1)
        if seconds:
            time.sleep(seconds)
        return len(calls)

    counted.__name__ = counted.__qualname__ = name
    counted.__doc__ = "Docstring of " + name + "."
    return counted
