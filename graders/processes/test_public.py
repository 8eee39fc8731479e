"""Public checks for processes: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, grader_module, helper, hint, points, public, time_limit

tools = grader_module(__file__, "_tools")


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

    @public
    @points(1)
    @time_limit(4)
    @hint(zh="这里第一个平方最后才算完：结果仍要按 nums 的顺序排列。用 pool.map，不要按完成的顺序收集。",
          en="Here the first square is finished last: the results must still follow the order of nums. Use pool.map, "
             "do not collect them in completion order.")
    def test_order_when_first_finishes_last(self, processes):
        # Bold in the statement: the results follow nums, whichever worker finishes first.
        nums = [3, 4, 5, 6, 7, 8]
        rig = helper(processes, tools.PROBE, "Rig")()
        call(rig.run, nums, 3, True) \
            .as_(f"parallel_squares({nums!r}, 3)") \
            .returns([n * n for n in nums])


@exercise("worker_pids")
class TestWorkerPids:
    @public
    @points(2)
    def test_two_workers(self, processes):
        caller = tools.caller_pid(processes)
        pids, started = tools.seen_worker_pids(processes, 8, 2)
        tools.check_pids(pids, 8, 2, caller, "worker_pids(8, 2)", started, processes.worker_pids)
