"""Peer code of the processes checks (_tools.py's SEEN): it runs in the sandbox, beside the student's code."""

import multiprocessing.process as mp_process
import processes


def worker_pids_seen(tasks, workers):
    started = []
    original = mp_process.BaseProcess.start

    def start(self):
        original(self)
        started.append(self.pid)

    mp_process.BaseProcess.start = start
    try:
        got = processes.worker_pids(tasks, workers)
    finally:
        mp_process.BaseProcess.start = original
    return [got, sorted(started)]
