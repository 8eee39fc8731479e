# mutant-of: Chain
# mistake: stores the path in self.path, so a segment called path returns that string instead of a longer Chain

class Chain:
    def __init__(self, path=''):
        self.path = path

    def __getattr__(self, name):
        return Chain(f'{self.path}/{name}')

    def __str__(self):
        return self.path

    __repr__ = __str__

    def __call__(self, *args, **kwargs):
        return f'Requesting {self.path}, args={args}, kwargs={kwargs}'
