# mutant-of: worker_pids
# mistake: returns a set instead of a sorted list

def worker_pids(tasks, workers):
    with Pool(workers) as pool:
        pids = pool.map(pid_of_task, range(tasks))
    return set(pids)
