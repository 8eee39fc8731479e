"""Peer code of the generators checks (test_hidden.py's TOOLS): it runs in the sandbox, beside the student's code."""

def is_iterator(obj):
    return hasattr(type(obj), "__next__") and iter(obj) is obj

def drain(gen, limit):
    """Up to limit items, whether it stopped, and the StopIteration value."""
    items = []
    while len(items) < limit:
        try:
            items.append(next(gen))
        except StopIteration as stop:
            return items, True, stop.value
    return items, False, None

class Counting:
    """An iterator over 0, 1, ..., n - 1 that remembers how many items were taken."""
    def __init__(self, n):
        self.n, self.taken = n, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.taken >= self.n:
            raise StopIteration
        self.taken += 1
        return self.taken - 1

def first_chunk_cost(chunked, size, n):
    src = Counting(n)
    gen = chunked(src, size)
    first = next(gen)
    return first, src.taken

def from_iterator(chunked, items, size):
    return list(chunked(iter(items), size))

tools = {"is_iterator": is_iterator, "drain": drain,
         "first_chunk_cost": first_chunk_cost, "from_iterator": from_iterator}
