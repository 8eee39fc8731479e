# mutant-of: worker_pids
# mistake: each task returns threading.get_ident() (a thread id) instead of os.getpid()

import os
import threading
from multiprocessing import Pool


def square(n):
    return n * n


def parallel_squares(nums, workers=4):
    with Pool(workers) as pool:
        return pool.map(square, nums)


def pid_of_task(task):
    return threading.get_ident()


def worker_pids(tasks, workers):
    with Pool(workers) as pool:
        pids = pool.map(pid_of_task, range(tasks))
    return sorted(set(pids))
