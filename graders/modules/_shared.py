"""What the public and the hidden checks of modules share (released with the public graders: nothing secret)."""

WITH_ARGV = '''
import sys

def test_with_argv(argv):
    import modules
    saved = list(sys.argv)
    sys.argv[:] = argv
    try:
        return modules.test()
    finally:
        sys.argv[:] = saved
'''


def short(text, limit=120):
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "..."


def last_line(text):
    lines = text.splitlines()
    return lines[-1] if lines else ""
