"""获取对象信息 / Inspecting objects -- see exercises/introspection/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

import types


def type_name(obj):
    """返回 obj 的类型名（一个 str），例如 type_name(123) == 'int'，type_name(None) == 'NoneType'。

    Return the name of obj's type (a str), e.g. type_name(123) == 'int', type_name(None) == 'NoneType'.
    """
    raise NotImplementedError


def kind_of(obj):
    """返回 obj 属于哪一类：'function'、'generator'、'class'、'number'、'string' 或 'other'
    （规则见 README；注意 True/False 不算 number）。

    Return which kind obj is: 'function', 'generator', 'class', 'number', 'string' or 'other'
    (rules in the README; mind that True/False are not numbers).
    """
    raise NotImplementedError


def public_attrs(obj):
    """返回 dir(obj) 中不以下划线开头的名字，按字母排序的 list。

    Return the names in dir(obj) that do not start with an underscore, as a sorted list.
    """
    raise NotImplementedError


def attr_or(obj, name, default):
    """obj 有名为 name 的属性时返回它的值（哪怕是 0、'' 或 None），否则返回 default。

    Return the value of obj's attribute called name (even if it is 0, '' or None),
    or default when obj has no such attribute.
    """
    raise NotImplementedError
