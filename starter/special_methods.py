"""定制类 / Customising classes -- see exercises/special_methods/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


class Student:
    def __init__(self, name):
        """把 name 存为 self.name。 / Store name as self.name."""
        raise NotImplementedError

    def __str__(self):
        """返回 'Student object (name: NAME)'，NAME 是当前的 self.name。

        Return 'Student object (name: NAME)', NAME being the current self.name.
        """
        raise NotImplementedError

    def __repr__(self):
        """和 __str__ 返回同样的字符串（也可以把这个 def 换成 __repr__ = __str__）。

        Return the same string as __str__ (or replace this def with __repr__ = __str__).
        """
        raise NotImplementedError


class Fib:
    """Fibonacci 数列 1, 1, 2, 3, 5, ...：可以 for 循环（到 100000 为止），也可以 Fib()[n] 和 Fib()[start:stop]。

    The Fibonacci numbers 1, 1, 2, 3, 5, ...: iterable (up to 100000), and Fib()[n], Fib()[start:stop].
    """

    def __init__(self):
        """准备迭代要用的状态（例如 self.a, self.b = 0, 1）。

        Set up the state iteration needs (e.g. self.a, self.b = 0, 1).
        """
        raise NotImplementedError

    def __iter__(self):
        """返回迭代器（实例自己就是迭代器：return self）。

        Return the iterator (the instance is its own iterator: return self).
        """
        raise NotImplementedError

    def __next__(self):
        """返回下一个 Fibonacci 数；下一个数超过 100000 时 raise StopIteration()。

        Return the next Fibonacci number; raise StopIteration() once the next one exceeds 100000.
        """
        raise NotImplementedError

    def __getitem__(self, n):
        """n 是 int（从 0 开始）时返回第 n 个数：Fib()[0] == 1，Fib()[5] == 8；
        n 是 slice 时返回 list：Fib()[0:5] == [1, 1, 2, 3, 5]（start 省略表示 0）。

        For an int n (0-based) return the n-th number: Fib()[0] == 1, Fib()[5] == 8;
        for a slice return a list: Fib()[0:5] == [1, 1, 2, 3, 5] (an omitted start means 0).
        """
        raise NotImplementedError


class Chain:
    """Chain().api.v1.user 拼出路径 '/api/v1/user'；调用它返回一行请求描述。

    Chain().api.v1.user builds the path '/api/v1/user'; calling it returns a request line.
    """

    def __init__(self, path=''):
        """把路径存在 self._path（下划线开头，见 README）。

        Store the path in self._path (leading underscore, see the README).
        """
        raise NotImplementedError

    def __getattr__(self, name):
        """返回一个新的 Chain，路径是 self._path + '/' + name（不要修改 self）。

        Return a new Chain whose path is self._path + '/' + name (do not change self).
        """
        raise NotImplementedError

    def __str__(self):
        """返回路径，例如 str(Chain().api.v1.user) == '/api/v1/user'。

        Return the path, e.g. str(Chain().api.v1.user) == '/api/v1/user'.
        """
        raise NotImplementedError

    def __call__(self, *args, **kwargs):
        """返回 f'Requesting {path}, args={args}, kwargs={kwargs}'，例如
        Chain().api.v1.user(id=1) == "Requesting /api/v1/user, args=(), kwargs={'id': 1}"。

        Return f'Requesting {path}, args={args}, kwargs={kwargs}', e.g.
        Chain().api.v1.user(id=1) == "Requesting /api/v1/user, args=(), kwargs={'id': 1}".
        """
        raise NotImplementedError
