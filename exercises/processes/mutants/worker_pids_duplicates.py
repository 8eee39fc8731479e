# mutant-of: worker_pids
# mistake: sorts the pids but forgets to drop duplicates

import os
from multiprocessing import Pool


def square(n):
    return n * n


def parallel_squares(nums, workers=4):
    with Pool(workers) as pool:
        return pool.map(square, nums)


def pid_of_task(task):
    return os.getpid()


def worker_pids(tasks, workers):
    with Pool(workers) as pool:
        pids = pool.map(pid_of_task, range(tasks))
    return sorted(pids)
