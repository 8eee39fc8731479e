# mutant-of: Student
# mistake: builds the text once in __init__, so str() still shows the old name after s.name changes


class Student:
    def __init__(self, name):
        self.name = name
        self.text = f'Student object (name: {name})'

    def __str__(self):
        return self.text

    __repr__ = __str__


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
        a, b = 1, 1
        for _ in range(n):
            a, b = b, a + b
        return a


class Chain:
    def __init__(self, path=''):
        self._path = path

    def __getattr__(self, name):
        return Chain(f'{self._path}/{name}')

    def __str__(self):
        return self._path

    __repr__ = __str__

    def __call__(self, *args, **kwargs):
        return f'Requesting {self._path}, args={args}, kwargs={kwargs}'
