"""Public checks for threads: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, helper, hint, points, public, time_limit

# Runs in the sandbox child: functions for run_named, and a hammer that runs
# SafeCounter.increment from many threads at once with a tiny switch interval.
TOOLS = r'''
import os
import sys
import threading


def who():
    return threading.current_thread().name


def answer():
    return 42


def read_value(counter):
    value = counter.value
    return value() if callable(value) else value


def hammer(counter, n_threads, per_thread, traced=False):
    """Run counter.increment() from n_threads threads.  When traced, every opcode executed
    in the student's file yields the CPU, so a read-modify-write without a shared lock
    gets interrupted between its read and its write."""
    student_file = sys.modules['threads'].__file__
    pause = getattr(os, 'sched_yield', None) or (lambda: None)

    def local(frame, event, arg):
        if event == 'opcode':
            pause()
        return local

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == student_file:
            frame.f_trace_opcodes = True
            return local
        return None

    start = threading.Barrier(n_threads)
    errors = []

    def work():
        try:
            start.wait(1)
            if traced:
                sys.settrace(tracer)
            try:
                for _ in range(per_thread):
                    counter.increment()
            finally:
                sys.settrace(None)
        except BaseException as exc:
            errors.append(exc)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        workers = [threading.Thread(target=work) for _ in range(n_threads)]
        for t in workers:
            t.start()
        for t in workers:
            t.join(1.5)
    finally:
        sys.setswitchinterval(old)
    if errors:
        raise errors[0]
    if any(t.is_alive() for t in workers):
        raise RuntimeError('increment() never returned in some threads: is the lock released?')
    return read_value(counter)
'''


def hammered(n, per):
    """What ``hammer(c, n, per)`` runs, written as code: a label is shown in both languages."""
    return f"c.value  # [Thread(target=lambda: [c.increment() for _ in range({per})]).start() for _ in range({n})]"


def tool(topic, name):
    return helper(topic, TOOLS, name)


@exercise("run_named")
class TestRunNamed:
    @public
    @points(2)
    def test_thread_name(self, threads):
        call(threads.run_named, tool(threads, "who"), "LoopThread") \
            .as_("run_named(lambda: threading.current_thread().name, 'LoopThread')") \
            .returns("LoopThread")

    @public
    @points(1)
    def test_result(self, threads):
        call(threads.run_named, tool(threads, "answer"), "worker") \
            .as_("run_named(lambda: 42, 'worker')").returns(42)


@exercise("SafeCounter.increment")
class TestIncrement:
    @public
    @points(1)
    def test_one_thread(self, threads):
        c = call(threads.SafeCounter).result()
        for _ in range(3):
            call(c.increment).as_("c.increment()").result()
        call(tool(threads, "read_value"), c).as_("c.increment(); c.increment(); c.increment(); c.value").returns(3)

    @public
    @points(2)
    @time_limit(4)
    def test_eight_threads(self, threads):
        c = call(threads.SafeCounter).result()
        call(tool(threads, "hammer"), c, 8, 20000) \
            .as_(hammered(8, 20000)).returns(160000)

    @public
    @points(1)
    @time_limit(4)
    @hint(zh="这里线程在每一步之间都尽量切换，没有锁保护的读、加一、写回会马上丢失更新。"
             "所有线程要共用同一把锁：在 __init__ 里 self._lock = threading.Lock()，increment 里用 with self._lock: 包住它们。",
          en="Here the threads switch as often as possible, so an unlocked read, add and write loses updates at once. "
             "All threads must share one lock: self._lock = threading.Lock() in __init__, and `with self._lock:` around them in increment.")
    def test_one_shared_lock(self, threads):
        # Bold in the statement: every thread uses the same lock. Switching threads as often as
        # possible makes an unlocked (or freshly locked) read-add-write lose updates at once.
        c = call(threads.SafeCounter).result()
        call(tool(threads, "hammer"), c, 4, 50, True) \
            .as_(hammered(4, 50)) \
            .returns(200)


@exercise("SafeCounter.value")
class TestValue:
    @public
    @points(1)
    def test_starts_at_zero(self, threads):
        c = call(threads.SafeCounter).result()
        call(getattr, c, "value").as_("SafeCounter().value").returns(0)

    @public
    @points(1)
    def test_after_increments(self, threads):
        c = call(threads.SafeCounter).result()
        call(c.increment).as_("c.increment()").result()
        call(c.increment).as_("c.increment()").result()
        call(getattr, c, "value").as_("c.increment(); c.increment(); c.value").returns(2)

    @public
    @points(1)
    def test_read_only(self, threads):
        # Bold in the statement: value is a read-only property (no setter).
        c = call(threads.SafeCounter).result()
        call(getattr, c, "value").as_("SafeCounter().value").returns(0)
        call(setattr, c, "value", 3).as_("c.value = 3").raises(AttributeError)
