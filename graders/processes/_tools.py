"""Tools for the processes graders, shared by the public and hidden checks (ships to students).

Loaded with ``gradekit.grader.grader_module``; nothing here is secret: the hidden checks choose their
own numbers, task counts and pools.
"""

from gradekit.grader import call, fail, helper, sandbox_source, where

CALLER = sandbox_source(__file__, "_sandbox_caller")


# Runs in the sandbox child: notes the pid of every process started while worker_pids runs, so the
# pids it returns can be compared with the pool's real workers (any list of ints is not enough).
SEEN = sandbox_source(__file__, "_sandbox_seen")


def seen_worker_pids(topic, tasks, workers):
    """worker_pids(tasks, workers) and the pids of the processes it started."""
    return call(helper(topic, SEEN, "worker_pids_seen"), tasks, workers).as_(f"worker_pids({tasks}, {workers})").result()


# Runs in the sandbox child.  Num is an int that writes the pid of the process squaring
# it (n * n or n ** 2) into a log file; the 'first' number waits (at most 1 s) until the
# 'last' one has been squared, so its worker finishes after all the others.  It lives in
# a registered module so the pool's forked workers can unpickle it.
PROBE = sandbox_source(__file__, "_sandbox_probe")


def caller_pid(topic):
    """The pid of the sandbox process that calls the student's functions."""
    return helper(topic, CALLER, "caller_pid")()


def check_pids(pids, tasks, workers, caller, label, started=None, fn=None):
    """What worker_pids must return: a sorted list of distinct int pids, none the caller's."""
    if type(pids) is not list or not all(type(p) is int for p in pids):
        fail(zh=f"{label} 应该返回由 int 组成的 list，实际返回 {pids!r}。",
             en=f"{label} should return a list of ints, but it returned {pids!r}.")
    if pids != sorted(set(pids)):
        fail(zh=f"{label} 返回 {pids!r}：要去掉重复的 pid，并从小到大排序（sorted(set(...))）。",
             en=f"{label} returned {pids!r}: drop repeated pids and sort them (sorted(set(...))).")
    if caller in pids:
        fail(zh=f"{label} 返回 {pids!r}，其中 {caller} 是调用者自己的 pid：任务要交给进程池里的子进程去执行。",
             en=f"{label} returned {pids!r}, and {caller} is the caller's own pid: the tasks must run in the pool's worker processes.")
    strangers = [p for p in pids if started is not None and p not in started]
    if strangers:
        fail(zh=f"调用 {label}：应该返回进程池子进程的 pid（这次启动的子进程是 {started!r}），"
                f"实际返回 {pids!r}，其中 {strangers!r} 不是它们的 pid：每个任务要返回 os.getpid()。",
             en=f"called {label}: expected the pids of the pool's worker processes (this call started {started!r}), "
                f"got {pids!r}, and {strangers!r} are not their pids: each task should return os.getpid().", **at(fn))
    if tasks and not 1 <= len(pids) <= min(tasks, workers):
        fail(zh=f"{label} 返回了 {len(pids)} 个 pid：{workers} 个进程做 {tasks} 个任务，应该有 1 到 {min(tasks, workers)} 个。",
             en=f"{label} returned {len(pids)} pids: {tasks} tasks on {workers} processes give 1 to {min(tasks, workers)}.")


def at(fn):
    """The student's file and line of ``fn``, for a failure to point at."""
    loc = where(fn) if fn is not None else None
    return {"file": loc[0], "line": loc[1]} if loc else {}
