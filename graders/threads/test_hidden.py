"""Hidden checks for threads: func runs once and not in the caller's thread, random names
and results; the counter is hammered while every opcode of the student's code yields
the CPU, so any unlocked read-modify-write loses updates; value is read-only."""

from gradekit.grader import call, exercise, grader_module, helper, hint, points, time_limit

tools = grader_module(__file__, "_tools")

TOOLS = r'''
import os
import sys
import threading


def make_info(value):
    def info():
        t = threading.current_thread()
        return [t.name, t is threading.main_thread(), value]
    return info


class Calls:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.count
''' + tools.HAMMER

NAMES = ["LoopThread", "worker-1", "downloader", "T7", "Thread_A", "后台线程", "io-worker", "calc"]
LOCK_HINT = dict(
    zh="所有线程要共用同一把锁：在 __init__ 里 self._lock = threading.Lock()，increment 里用 with self._lock: 包住读、加一、写回。",
    en="All threads must share one lock: self._lock = threading.Lock() in __init__, and `with self._lock:` around the read, add and write in increment.")


def tool(topic, name):
    return helper(topic, TOOLS, name)


@exercise("run_named")
class TestRunNamedHidden:
    @points(2)
    def test_random_names_and_results(self, threads, rng):
        for _ in range(4):
            name = rng.choice(NAMES)
            value = rng.choice([rng.randint(-1000, 1000), [rng.randint(0, 9) for _ in range(3)], "done", None])
            info = call(tool(threads, "make_info"), value).result()
            call(threads.run_named, info, name) \
                .as_(f"run_named(lambda: [current_thread().name, current_thread() is main_thread(), {value!r}], {name!r})") \
                .returns([name, False, value])

    @points(1)
    @hint(zh="func 只能被调用一次，而且是在新线程里：把它的返回值存起来，不要在 join() 之后再调用一次。",
          en="func is called exactly once, in the new thread: keep its return value, do not call it again after join().")
    def test_called_once(self, threads):
        counter = call(tool(threads, "Calls")).result()
        call(threads.run_named, counter, "once").as_("run_named(calls, 'once')  # def calls(): calls.count += 1; return calls.count").returns(1)
        call(getattr, counter, "count").as_("run_named(calls, 'once'); calls.count").returns(1)


@exercise("SafeCounter.increment")
class TestIncrementHidden:
    @points(3)
    @time_limit(4)
    @hint(zh="这里线程在每一步之间都尽量切换。" + LOCK_HINT["zh"], en="Here the threads switch as often as possible. " + LOCK_HINT["en"])
    def test_interleaved_threads(self, threads):
        c = call(threads.SafeCounter).result()
        call(tool(threads, "hammer"), c, 8, 60, True) \
            .as_(tools.hammered(8, 60)) \
            .returns(480)

    @points(1)
    @time_limit(4)
    def test_random_threads(self, threads, rng):
        for _ in range(2):
            n, per = rng.randint(2, 8), rng.randint(500, 3000)
            c = call(threads.SafeCounter).result()
            call(tool(threads, "hammer"), c, n, per) \
                .as_(tools.hammered(n, per)).returns(n * per)


@exercise("SafeCounter.value")
class TestValueHidden:
    @points(1)
    @hint(zh="value 只写 @property，不写 setter：外面不能直接改计数。",
          en="Give value only a @property getter and no setter: nobody outside may change the count directly.")
    def test_read_only(self, threads):
        c = call(threads.SafeCounter).result()
        call(setattr, c, "value", 5).as_("c.value = 5").raises(AttributeError)

    @points(1)
    def test_independent_counters(self, threads, rng):
        a = call(threads.SafeCounter).result()
        b = call(threads.SafeCounter).result()
        na, nb = rng.randint(1, 9), rng.randint(1, 9)
        both = (f"a, b = SafeCounter(), SafeCounter(); [a.increment() for _ in range({na})]; "
                f"[b.increment() for _ in range({nb})]")
        for _ in range(na):
            call(a.increment).as_("a.increment()").result()
        for _ in range(nb):
            call(b.increment).as_("b.increment()").result()
        call(getattr, a, "value").as_(f"{both}; a.value").returns(na)
        call(getattr, b, "value").as_(f"{both}; b.value").returns(nb)
