"""Hidden checks for processes: results in input order even when the first task finishes
last, the squaring really done in worker processes, empty inputs, random lists and pools."""

from gradekit.grader import call, exercise, fail, grader_module, helper, hint, points, time_limit

tools = grader_module(__file__, "_tools")


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
        rig = helper(processes, tools.PROBE, "Rig")()
        call(rig.run, nums, 4, True) \
            .as_(f"parallel_squares({nums!r}, 4)") \
            .returns([n * n for n in nums])

    @points(2)
    @time_limit(4)
    @hint(zh="平方要在进程池的子进程里算：把计算平方的函数交给 pool.map，别在调用者自己的进程里算。",
          en="The squaring must happen in the pool's worker processes: hand the squaring function to pool.map, do not compute in the caller.")
    def test_computed_in_workers(self, processes, rng):
        nums = [rng.randint(2, 99) for _ in range(8)]
        rig = helper(processes, tools.PROBE, "Rig")()
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
        caller = tools.caller_pid(processes)
        for _ in range(3):
            workers = rng.randint(1, 4)
            tasks = rng.randint(workers + 1, 20)
            pids, started = tools.seen_worker_pids(processes, tasks, workers)
            tools.check_pids(pids, tasks, workers, caller, f"worker_pids({tasks}, {workers})", started)

    @points(1)
    def test_one_worker(self, processes):
        caller = tools.caller_pid(processes)
        pids, started = tools.seen_worker_pids(processes, 5, 1)
        tools.check_pids(pids, 5, 1, caller, "worker_pids(5, 1)", started)
        if len(pids) != 1:
            fail(zh=f"worker_pids(5, 1) 返回 {pids!r}：只有 1 个子进程，应该只有 1 个 pid。",
                 en=f"worker_pids(5, 1) returned {pids!r}: with 1 worker there is exactly 1 pid.")

    @points(1)
    def test_no_tasks(self, processes):
        call(processes.worker_pids, 0, 2).returns([])
