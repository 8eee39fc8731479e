# mutant-of: Chain
# mistake: __call__ prints the request line instead of returning it

class Chain:
    def __init__(self, path=''):
        self._path = path

    def __getattr__(self, name):
        return Chain(f'{self._path}/{name}')

    def __str__(self):
        return self._path

    __repr__ = __str__

    def __call__(self, *args, **kwargs):
        print(f'Requesting {self._path}, args={args}, kwargs={kwargs}')
