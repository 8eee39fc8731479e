"""Hidden checks for processes: results in input order even when the first task finishes
last, the squaring really done in worker processes, empty inputs, random lists and pools."""

from gradekit.grader import call, exercise, fail, helper, hint, points, time_limit

CALLER = "import os\n\ndef caller_pid():\n    return os.getpid()\n"

# Runs in the sandbox child.  Num is an int that writes the pid of the process squaring
# it (n * n or n ** 2) into a log file; the 'first' number waits (at most 1 s) until the
# 'last' one has been squared, so its worker finishes after all the others.  It lives in
# a registered module so the pool's forked workers can unpickle it.
PROBE = r'''
import multiprocessing
import os
import sys
import types

PROBE_SRC = """
import os

LOG = None
CALLER = None
EVENT = None


def _make(value, role):
    n = Num(value)
    n.role = role
    return n


class Num(int):
    role = ''

    def _note(self):
        with open(LOG, 'a') as f:
            f.write(str(os.getpid()) + '\\n')
        if self.role == 'first' and os.getpid() != CALLER:
            EVENT.wait(1.0)

    def _done(self, value):
        if self.role == 'last':
            EVENT.set()
        return value

    def __mul__(self, other):
        self._note()
        return self._done(int(self) * int(other))

    __rmul__ = __mul__

    def __pow__(self, exponent, modulo=None):
        self._note()
        return self._done(pow(int(self), exponent, modulo))

    def __reduce__(self):
        return (_make, (int(self), self.role))
"""


class Rig:
    def __init__(self):
        # The probe's module and Event reach the workers by inheritance: use fork.
        try:
            multiprocessing.set_start_method('fork', force=True)
        except (ValueError, RuntimeError):
            pass
        mod = sys.modules.get('gradekit_probe')
        if mod is None:
            mod = types.ModuleType('gradekit_probe')
            exec(PROBE_SRC, mod.__dict__)
            sys.modules['gradekit_probe'] = mod
        self.mod = mod
        mod.LOG = os.path.abspath('probe.log')
        open(mod.LOG, 'w').close()
        mod.CALLER = os.getpid()
        mod.EVENT = multiprocessing.Event()

    def numbers(self, values, first_finishes_last=False):
        roles = [''] * len(values)
        if first_finishes_last:
            roles[0], roles[-1] = 'first', 'last'
        return [self.mod._make(v, r) for v, r in zip(values, roles)]

    def run(self, values, workers, first_finishes_last=False):
        import processes
        return processes.parallel_squares(self.numbers(values, first_finishes_last), workers)

    def pids(self):
        with open(self.mod.LOG) as f:
            return self.mod.CALLER, sorted({int(line) for line in f if line.strip()})
'''


# Runs in the sandbox child: notes the pid of every process started while worker_pids runs, so the
# pids it returns can be compared with the pool's real workers (any list of ints is not enough).
SEEN = '''
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
'''


def seen_worker_pids(topic, tasks, workers):
    """worker_pids(tasks, workers) and the pids of the processes it started."""
    return call(helper(topic, SEEN, "worker_pids_seen"), tasks, workers).as_(f"worker_pids({tasks}, {workers})").result()


def caller_pid(topic):
    return helper(topic, CALLER, "caller_pid")()


def check_pids(pids, tasks, workers, caller, label, started=None):
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
                f"got {pids!r}, and {strangers!r} are not their pids: each task should return os.getpid().")
    if tasks and not 1 <= len(pids) <= min(tasks, workers):
        fail(zh=f"{label} 返回了 {len(pids)} 个 pid：{workers} 个进程做 {tasks} 个任务，应该有 1 到 {min(tasks, workers)} 个。",
             en=f"{label} returned {len(pids)} pids: {tasks} tasks on {workers} processes give 1 to {min(tasks, workers)}.")


@exercise("parallel_squares")
class TestParallelSquaresHidden:
    @points(2)
    def test_random_lists(self, processes, rng):
        for _ in range(3):
            nums = [rng.randint(-10**6, 10**6) for _ in range(rng.randint(1, 30))]
            workers = rng.randint(1, 4)
            call(processes.parallel_squares, nums, workers).returns([n * n for n in nums])

    @points(1)
    def test_empty(self, processes):
        call(processes.parallel_squares, []).returns([])

    @points(2)
    @time_limit(4)
    @hint(zh="这里第一个平方最后才算完。结果要按输入的顺序排列，不管哪个子进程先做完：用 pool.map，不要用 imap_unordered 或按完成顺序收集。",
          en="Here the first square is finished last. Results must follow the input order whichever worker finishes first: use pool.map, not imap_unordered or collecting in completion order.")
    def test_order_when_first_finishes_last(self, processes, rng):
        nums = [rng.randint(2, 99) for _ in range(12)]
        rig = helper(processes, PROBE, "Rig")()
        call(rig.run, nums, 4, True) \
            .as_(f"parallel_squares({nums!r}, 4)") \
            .returns([n * n for n in nums])

    @points(2)
    @time_limit(4)
    @hint(zh="平方要在进程池的子进程里算：把计算平方的函数交给 pool.map，别在调用者自己的进程里算。",
          en="The squaring must happen in the pool's worker processes: hand the squaring function to pool.map, do not compute in the caller.")
    def test_computed_in_workers(self, processes, rng):
        nums = [rng.randint(2, 99) for _ in range(8)]
        rig = helper(processes, PROBE, "Rig")()
        label = f"parallel_squares({nums!r}, 2)"
        call(rig.run, nums, 2).as_(label).returns([n * n for n in nums])
        caller, pids = rig.pids()
        if caller in pids:
            fail(zh=f"{label}：平方是在调用者自己的进程（pid {caller}）里算的，不是在进程池的子进程里。",
                 en=f"{label}: the squares were computed in the caller's own process (pid {caller}), not in the pool's workers.")


@exercise("worker_pids")
class TestWorkerPidsHidden:
    @points(2)
    @hint(zh="任务数比进程多时，同一个子进程会做好几个任务：用 set 去重，再 sorted。",
          en="With more tasks than processes one worker runs several tasks: remove repeats with a set, then sort.")
    def test_random_pools(self, processes, rng):
        caller = caller_pid(processes)
        for _ in range(3):
            workers = rng.randint(1, 4)
            tasks = rng.randint(workers + 1, 20)
            pids, started = seen_worker_pids(processes, tasks, workers)
            check_pids(pids, tasks, workers, caller, f"worker_pids({tasks}, {workers})", started)

    @points(1)
    def test_one_worker(self, processes):
        caller = caller_pid(processes)
        pids, started = seen_worker_pids(processes, 5, 1)
        check_pids(pids, 5, 1, caller, "worker_pids(5, 1)", started)
        if len(pids) != 1:
            fail(zh=f"worker_pids(5, 1) 返回 {pids!r}：只有 1 个子进程，应该只有 1 个 pid。",
                 en=f"worker_pids(5, 1) returned {pids!r}: with 1 worker there is exactly 1 pid.")

    @points(1)
    def test_no_tasks(self, processes):
        call(processes.worker_pids, 0, 2).returns([])
