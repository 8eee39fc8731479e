# mutant-of: worker_pids
# mistake: calls the task directly instead of in the pool, so it reports the caller's own pid

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
        pids = [pid_of_task(t) for t in range(tasks)]
    return sorted(set(pids))
