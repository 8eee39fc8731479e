# mutant-of: Fib
# mistake: tests the limit before advancing, so 121393 (> 100000) is still produced

class Fib:
    def __init__(self):
        self.a, self.b = 0, 1

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > 100000:
            raise StopIteration()
        self.a, self.b = self.b, self.a + self.b
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
        a, b = 1, 1
        for _ in range(n):
            a, b = b, a + b
        return a
