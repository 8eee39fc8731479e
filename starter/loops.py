"""循环 / Loops -- see exercises/loops/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def sum_to(n):
    """用 for 和 range 计算 1 + 2 + ... + n；n <= 0 时返回 0。

    Return 1 + 2 + ... + n, computed with for and range; 0 when n <= 0.
    """
    raise NotImplementedError


def first_negative(nums):
    """返回 nums 中第一个负数的下标，没有负数时返回 -1；找到后立刻用 break 停下。

    Return the index of the first negative number in nums, or -1 if there is none;
    stop with break as soon as it is found.
    """
    raise NotImplementedError


def odd_squares_sum(nums):
    """返回 nums 中所有奇数的平方和；遇到偶数用 continue 跳过。

    Return the sum of the squares of the odd numbers in nums; skip even ones with continue.
    """
    raise NotImplementedError


def collatz_steps(n):
    """用 while 循环计算 n 变成 1 需要几步（偶数 n // 2，奇数 3 * n + 1）；
    n < 1 时抛出 ValueError。

    Count the steps for n to reach 1 with a while loop (even: n // 2, odd: 3 * n + 1);
    raise ValueError when n < 1.
    """
    raise NotImplementedError
