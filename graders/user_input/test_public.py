"""Public checks for user_input: run the script with one answer, and call verdict()."""

from gradekit.grader import call, exercise, fail, grader_module, points, public, run_script

_shared = grader_module(__file__, "_shared")
last_line, crash_note = _shared.last_line, _shared.crash_note

ADULT, MINOR = "你已经成年了", "你还没有成年"


def expect_verdict(user_input, stdin, expected):
    """Run the script with ``stdin``; its last line must end with ``expected``.

    input() writes its prompt without a newline, so the prompt may come first on that line.
    """
    run = run_script(user_input, stdin=stdin)
    got = last_line(run.stdout)
    if run.timed_out:
        fail(zh=f"运行 python user_input.py（输入 {stdin!r}）超时了：程序是不是一直在等输入或死循环？",
             en=f"running python user_input.py (stdin {stdin!r}) timed out: does it keep waiting or loop forever?")
    if not got.endswith(expected):
        crash_zh, crash_en = crash_note(run)
        fail(zh=f"运行 python user_input.py，输入 {stdin!r}\n最后一行应该以 {expected!r} 结尾"
                f"（前面可以有 input() 的提示语）\n实际打印：{run.stdout!r}{crash_zh}",
             en=f"ran python user_input.py with stdin {stdin!r}\nthe last line should end with {expected!r}"
                f" (the input() prompt may come before it)\nit printed: {run.stdout!r}{crash_en}")
    return run


@exercise("verdict")
class TestScript:
    @public
    @points(2)
    def test_adult(self, user_input):
        expect_verdict(user_input, "20\n", ADULT)

    @public
    @points(1)
    def test_minor(self, user_input):
        expect_verdict(user_input, "15\n", MINOR)

    @public
    @points(1)
    def test_asks_again_then_ends(self, user_input):
        # The statement's worked example: a non-integer answer is asked again; the end of input
        # prints 没有输入 and ends normally (exit code 0).
        expect_verdict(user_input, "hi\n40\n", ADULT)
        stdin = "hi\n"
        run = expect_verdict(user_input, stdin, "没有输入")
        if run.returncode != 0:
            err = last_line(run.stderr)
            fail(zh=f"运行 python user_input.py，输入 {stdin!r}：应该正常结束（退出码 0），"
                    f"实际退出码 {run.returncode}。" + (f"\nstderr 最后一行：{err}" if err else ""),
                 en=f"ran python user_input.py with stdin {stdin!r}: expected a normal end (exit code 0), "
                    f"got exit code {run.returncode}." + (f"\nlast line of stderr: {err}" if err else ""))

    @public
    @points(1)
    def test_verdict_function(self, user_input):
        call(user_input.verdict, "20").returns(ADULT)
        call(user_input.verdict, "15").returns(MINOR)
        call(user_input.verdict, "abc").returns("请输入一个整数")

    @public
    @points(1)
    def test_eighteen_is_an_adult(self, user_input):
        # The statement's boxed correction of the notes (> 18 is wrong): 18 is already an adult.
        call(user_input.verdict, "18").returns(ADULT)
