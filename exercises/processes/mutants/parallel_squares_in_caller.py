# mutant-of: parallel_squares
# mistake: opens a Pool but squares the numbers itself in the calling process

import os
from multiprocessing import Pool


def square(n):
    return n * n


def parallel_squares(nums, workers=4):
    with Pool(workers) as pool:
        return [square(n) for n in nums]


def pid_of_task(task):
    return os.getpid()


def worker_pids(tasks, workers):
    with Pool(workers) as pool:
        pids = pool.map(pid_of_task, range(tasks))
    return sorted(set(pids))
