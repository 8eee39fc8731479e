# mutant-of: worker_pids
# mistake: calls the task directly instead of in the pool, so it reports the caller's own pid

def worker_pids(tasks, workers):
    with Pool(workers) as pool:
        pids = [pid_of_task(t) for t in range(tasks)]
    return sorted(set(pids))
