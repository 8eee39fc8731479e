"""Peer code of the processes checks (_tools.py's CALLER): it runs in the sandbox, beside the student's code."""

import os

def caller_pid():
    return os.getpid()
