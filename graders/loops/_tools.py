"""Tools for the loops graders, shared by the public and hidden checks (ships to students)."""

# Runs next to the student's code: a list that notes which indexes were read (the statement says
# first_negative must stop at once).
WATCH = '''
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
'''
