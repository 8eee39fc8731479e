# mutant-of: Fib
# mistake: __getitem__ walks the instance's own iterator, so indexing uses up the state and repeated or large indexes go wrong

class Fib:
    def __init__(self):
        self.a, self.b = 0, 1

    def __iter__(self):
        return self

    def __next__(self):
        self.a, self.b = self.b, self.a + self.b
        if self.a > 100000:
            raise StopIteration()
        return self.a

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
        for i, x in enumerate(self):
            if i == n:
                return x
