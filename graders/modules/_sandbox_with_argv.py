"""Peer code of the modules checks (_shared.py's WITH_ARGV): it runs in the sandbox, beside the student's code."""

import sys

def test_with_argv(argv):
    import modules
    saved = list(sys.argv)
    sys.argv[:] = argv
    try:
        return modules.test()
    finally:
        sys.argv[:] = saved
