# mutant-of: Chain
# mistake: joins the names without '/'

class Chain:
    def __init__(self, path=''):
        self._path = path

    def __getattr__(self, name):
        return Chain(self._path + name)

    def __str__(self):
        return self._path

    __repr__ = __str__

    def __call__(self, *args, **kwargs):
        return f'Requesting {self._path}, args={args}, kwargs={kwargs}'
