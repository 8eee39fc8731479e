# mutant-of: worker_pids
# mistake: each task returns threading.get_ident() (a thread id) instead of os.getpid()

import threading


def pid_of_task(task):
    return threading.get_ident()
