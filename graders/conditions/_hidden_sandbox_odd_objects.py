"""Peer code of the conditions checks (test_hidden.py's ODD_OBJECTS): it runs in the sandbox, beside the student's code."""

class Shelf:
    """Empty when it holds no books: truth comes from __len__."""
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n


class Switch:
    """Truth comes from __bool__."""
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on


def make(kind, arg):
    return {"Shelf": Shelf, "Switch": Switch}[kind](arg)
