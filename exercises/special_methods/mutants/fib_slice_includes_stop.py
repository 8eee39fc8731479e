# mutant-of: Fib
# mistake: a slice also includes index stop (off by one)

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
            for x in range(n.stop + 1):
                if x >= start:
                    result.append(a)
                a, b = b, a + b
            return result
        a, b = 1, 1
        for _ in range(n):
            a, b = b, a + b
        return a
