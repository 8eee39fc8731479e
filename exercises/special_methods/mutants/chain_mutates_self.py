# mutant-of: Chain
# mistake: extends its own path and returns self, so chains that share a start spoil each other

class Chain:
    def __init__(self, path=''):
        self._path = path

    def __getattr__(self, name):
        self._path = f'{self._path}/{name}'
        return self

    def __str__(self):
        return self._path

    __repr__ = __str__

    def __call__(self, *args, **kwargs):
        return f'Requesting {self._path}, args={args}, kwargs={kwargs}'
