"""Public checks for processes: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, fail, helper, points, public

CALLER = "import os\n\ndef caller_pid():\n    return os.getpid()\n"


def caller_pid(topic):
    """The pid of the sandbox process that calls the student's functions."""
    return helper(topic, CALLER, "caller_pid")()


def check_pids(pids, tasks, workers, caller, label):
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
    if tasks and not 1 <= len(pids) <= min(tasks, workers):
        fail(zh=f"{label} 返回了 {len(pids)} 个 pid：{workers} 个进程做 {tasks} 个任务，应该有 1 到 {min(tasks, workers)} 个。",
             en=f"{label} returned {len(pids)} pids: {tasks} tasks on {workers} processes give 1 to {min(tasks, workers)}.")


@exercise("parallel_squares")
class TestParallelSquares:
    @public
    @points(2)
    def test_small_list(self, processes):
        call(processes.parallel_squares, [1, 2, 3, 4]).returns([1, 4, 9, 16])

    @public
    @points(1)
    def test_two_workers(self, processes):
        call(processes.parallel_squares, [-3, 0, 5, 7, 11], 2).returns([9, 0, 25, 49, 121])


@exercise("worker_pids")
class TestWorkerPids:
    @public
    @points(2)
    def test_two_workers(self, processes):
        caller = caller_pid(processes)
        pids = call(processes.worker_pids, 8, 2).result()
        check_pids(pids, 8, 2, caller, "worker_pids(8, 2)")
