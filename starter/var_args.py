"""可变参数与关键字参数 / Variable and keyword arguments -- see exercises/var_args/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def calc(*numbers):
    """返回所有参数的平方和；没有参数时返回 0。calc(1, 2, 3) == 14。

    Return the sum of the squares of all arguments; 0 when there are none.
    calc(1, 2, 3) == 14.
    """
    raise NotImplementedError


def mul(*numbers):
    """返回所有参数的乘积；一个参数都没有时抛出 TypeError。mul(5, 6, 7) == 210。

    Return the product of all arguments; raise TypeError when there are none.
    mul(5, 6, 7) == 210.
    """
    raise NotImplementedError


def person(name, age, **kw):
    """返回一个字典：name、age 以及所有额外的关键字参数。

    Return one dict holding name, age and every extra keyword argument:
    person('Bob', 35, city='Beijing') == {'name': 'Bob', 'age': 35, 'city': 'Beijing'}.
    """
    raise NotImplementedError


def city_person(name, age, *, city='Beijing', job):
    """city 和 job 只能用关键字传；返回 {'name', 'age', 'city', 'job'} 四项的字典。

    city and job are keyword-only; return the dict
    {'name': name, 'age': age, 'city': city, 'job': job}.
    """
    raise NotImplementedError
