"""Public checks for threads: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, grader_module, helper, hint, points, public, time_limit

tools = grader_module(__file__, "_tools")

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
''' + tools.HAMMER


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
            .as_(tools.hammered(8, 20000)).returns(160000)

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
            .as_(tools.hammered(4, 50)) \
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
