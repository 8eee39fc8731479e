"""Peer code of the loops checks (_tools.py's WATCH): it runs in the sandbox, beside the student's code."""

import loops


class Watched(list):
    def __init__(self, items):
        super().__init__(items)
        self.read = set()

    def __iter__(self):
        for i in range(len(self)):
            self.read.add(i)
            yield list.__getitem__(self, i)

    def __getitem__(self, i):
        if isinstance(i, slice):
            self.read.update(range(*i.indices(len(self))))
        elif isinstance(i, int) and -len(self) <= i < len(self):
            self.read.add(i % len(self))
        return list.__getitem__(self, i)


def probe(items):
    watched = Watched(items)
    return loops.first_negative(watched), max(watched.read, default=-1)
