"""集合 set / Sets -- see exercises/sets/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def unique_count(items):
    """返回 items 里有多少个不同的元素。不要修改 items。

    Return how many different items there are in items. Do not change items.
    """
    raise NotImplementedError


def common(a, b):
    """返回同时出现在 a 和 b 里的元素，去重并从小到大排好序，作为一个 list。

    Return the items found in both a and b, without repeats, as a sorted list.
    """
    raise NotImplementedError


def diff_report(old, new):
    """比较 old 和 new，返回 (新增的, 删除的)：两个都是排好序、不重复的 list。
    新增的 = 在 new 里但不在 old 里；删除的 = 在 old 里但不在 new 里。

    Compare old and new; return (added, removed), both sorted lists without repeats:
    added = in new but not in old; removed = in old but not in new.
    """
    raise NotImplementedError
