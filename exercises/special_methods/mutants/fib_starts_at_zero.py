# mutant-of: Fib
# mistake: returns the value before advancing, so the sequence starts 0, 1, 1, ...

class Fib:
    def __init__(self):
        self.a, self.b = 0, 1

    def __iter__(self):
        return self

    def __next__(self):
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        if value > 100000:
            raise StopIteration()
        return value

    def __getitem__(self, n):
        if isinstance(n, slice):
            start = n.start if n.start is not None else 0
            a, b = 1, 1
            result = []
            for x in range(n.stop):
                if x >= start:
                    result.append(a)
                a, b = b, a + b
            return result
        a, b = 1, 1
        for _ in range(n):
            a, b = b, a + b
        return a
