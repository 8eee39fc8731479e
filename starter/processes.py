"""多进程与进程池 Pool / Processes and Pool -- see exercises/processes/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.

交给进程池的函数要定义在模块的最外层（不能是 lambda 或函数里面的函数）。
Functions handed to a Pool must be defined at the top level of the module
(not a lambda, not a function inside a function).
"""

import os
from multiprocessing import Pool


def parallel_squares(nums, workers=4):
    """用有 workers 个进程的 Pool 计算 nums 中每个数的平方（n * n），按输入顺序返回 list。

    Square every number of nums (n * n) in a Pool of `workers` processes and return
    the list of squares in input order.
    """
    raise NotImplementedError


def worker_pids(tasks, workers):
    """在有 workers 个进程的 Pool 里执行 tasks 个小任务，每个任务返回执行它的进程的 pid；
    返回去重并从小到大排序的 pid 列表（都不是调用者自己的 pid）。

    Run `tasks` small tasks in a Pool of `workers` processes, each returning the pid of
    the process that ran it; return the sorted list of distinct pids (none of them the
    caller's own pid).
    """
    raise NotImplementedError
