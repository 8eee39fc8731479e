"""位置参数与默认参数 / Positional and default arguments -- see exercises/default_args/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def power(x, n=2):
    """用循环计算 x 的 n 次方（n 是 >= 0 的整数，默认 2），不要用 ** 或 pow。

    Return x to the n-th power (n an int >= 0, 2 by default), computed with a loop,
    not with ** or pow. power(5) == 25, power(2, 10) == 1024, power(7, 0) == 1.
    """
    raise NotImplementedError


def enroll(name, gender, age=6, city='Beijing'):
    """返回包含四项信息的字典 {'name': ..., 'gender': ..., 'age': ..., 'city': ...}。

    Return a dict of the four: {'name': name, 'gender': gender, 'age': age, 'city': city}.
    """
    raise NotImplementedError


def add_end(L=None):
    """在列表 L 末尾加上 'END' 并返回这个列表；不传 L 时返回新列表 ['END']。

    Append 'END' to the list L and return that same list; without L, return a
    new list ['END']. Calling add_end() twice must give ['END'] both times.
    """
    raise NotImplementedError
