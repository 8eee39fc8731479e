# mutant-of: worker_pids
# mistake: sorts the pids but forgets to drop duplicates

def worker_pids(tasks, workers):
    with Pool(workers) as pool:
        pids = pool.map(pid_of_task, range(tasks))
    return sorted(pids)
