"""Peer code of the enums checks (_shared.py's TOOLS): it runs in the sandbox, beside the student's code."""

from enum import Enum

def is_enum_class(obj):
    return isinstance(obj, type) and issubclass(obj, Enum)
