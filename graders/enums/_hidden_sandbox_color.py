"""Peer code of the enums checks (test_hidden.py's COLOR): it runs in the sandbox, beside the student's code."""

from enum import Enum

class Color(Enum):
    RED = 0
    GREEN = 1

RED = Color.RED
