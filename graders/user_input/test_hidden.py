"""Hidden checks for user_input: end of input, retries, whitespace, the 18 boundary, negatives, exit code."""

from gradekit.grader import call, exercise, fail, grader_module, hint, points, printed, run_script

_shared = grader_module(__file__, "_shared")
last_line, crash_note = _shared.last_line, _shared.crash_note

ADULT, MINOR, NOT_INT, NO_INPUT = "你已经成年了", "你还没有成年", "请输入一个整数", "没有输入"
BAD_ANSWERS = ["abc", "", "18.5", "十八", "2O", "1 8", "--3", "0x12", "age"]


def reference(text):
    try:
        age = int(text.strip())
    except ValueError:
        return NOT_INT
    return ADULT if age >= 18 else MINOR


def run_ok(user_input, stdin):
    run = run_script(user_input, stdin=stdin)
    if run.timed_out:
        fail(zh=f"运行 python user_input.py（输入 {stdin!r}）超时了：程序是不是一直在等输入或死循环？",
             en=f"running python user_input.py (stdin {stdin!r}) timed out: does it keep waiting or loop forever?")
    return run


def expect_verdict(user_input, stdin, expected):
    run = run_ok(user_input, stdin)
    got = last_line(run.stdout)
    if not got.endswith(expected):
        czh, cen = crash_note(run)
        fail(zh=f"运行 python user_input.py，输入 {stdin!r}\n最后一行应该以 {expected!r} 结尾"
                f"（前面可以有 input() 的提示语）\n实际打印：{run.stdout!r}{czh}",
             en=f"ran python user_input.py with stdin {stdin!r}\nthe last line should end with {expected!r}"
                f" (the input() prompt may come before it)\nit printed: {run.stdout!r}{cen}")
    return run


def expect_retries(user_input, stdin, retries):
    run = run_ok(user_input, stdin)
    lines = run.stdout.splitlines()
    seen = sum(line.endswith(NOT_INT) for line in lines[:-1])
    if seen != retries:
        czh, cen = crash_note(run)
        fail(zh=f"运行 python user_input.py，输入 {stdin!r}\n应该打印 {retries} 次 {NOT_INT!r}（每个不是整数的回答一次），"
                f"每次之后再问一遍\n实际打印：{run.stdout!r}{czh}",
             en=f"ran python user_input.py with stdin {stdin!r}\nit should print {NOT_INT!r} {retries} time(s)"
                f" (once per answer that is not an integer) and ask again each time\nit printed: {run.stdout!r}{cen}")


@exercise("verdict")
class TestScriptHidden:
    @points(2)
    @hint(zh="输入结束时 input() 会抛出 EOFError：用 try/except EOFError 接住它，打印 '没有输入' 然后 return。",
          en="At the end of input, input() raises EOFError: catch it with try/except EOFError, print '没有输入' and return.")
    def test_end_of_input(self, user_input):
        expect_verdict(user_input, "", NO_INPUT)

    @points(1)
    def test_end_of_input_after_bad_answers(self, user_input):
        expect_verdict(user_input, "abc\n", NO_INPUT)
        expect_retries(user_input, "abc\nxyz\n", 2)

    @points(2)
    @hint(zh="不是整数时打印 '请输入一个整数'，然后回到循环开头再问一次（while True + return/break）。",
          en="After a non-integer print '请输入一个整数' and go back to ask again (while True with return/break).")
    def test_non_integer_then_integer(self, user_input):
        expect_verdict(user_input, "abc\n30\n", ADULT)
        expect_retries(user_input, "abc\n18.5\n\n7\n", 3)
        expect_verdict(user_input, "abc\n18.5\n\n7\n", MINOR)

    @points(1)
    @hint(zh="先 strip() 再 int()；不要用 isdigit() 判断，它不认识空格和负号。",
          en="strip() first, then int(); do not test with isdigit(): it rejects spaces and minus signs.")
    def test_extra_whitespace(self, user_input):
        expect_verdict(user_input, "   20   \n", ADULT)
        expect_verdict(user_input, "\t17 \n", MINOR)

    @points(2)
    @hint(zh="18 岁已经成年：条件是 age >= 18，不是 > 18（笔记里的写法把 18 岁算成了未成年）。",
          en="At 18 you are an adult: the test is age >= 18, not > 18 (the notes get this wrong).")
    def test_boundary_18(self, user_input):
        expect_verdict(user_input, "18\n", ADULT)
        expect_verdict(user_input, "17\n", MINOR)

    @points(1)
    @hint(zh="负数也是整数：int('-5') 可以转换，结论是 '你还没有成年'。",
          en="Negative numbers are integers too: int('-5') works, and the verdict is '你还没有成年'.")
    def test_negative(self, user_input):
        expect_verdict(user_input, "-5\n", MINOR)

    @points(1)
    def test_exit_code_zero(self, user_input):
        for stdin in ("20\n", "", "x\n7\n"):
            run = run_ok(user_input, stdin)
            if run.returncode != 0:
                err = last_line(run.stderr)
                fail(zh=f"运行 python user_input.py，输入 {stdin!r}，程序应该正常结束（退出码 0），"
                        f"实际退出码 {run.returncode}" + (f"\nstderr 最后一行：{err}" if err else ""),
                     en=f"ran python user_input.py with stdin {stdin!r}: it should end normally (exit code 0),"
                        f" but the exit code was {run.returncode}" + (f"\nlast line of stderr: {err}" if err else ""))

    @points(1)
    def test_random_runs(self, user_input, rng):
        for _ in range(2):
            bad = rng.sample(BAD_ANSWERS, rng.randint(0, 2))
            age = rng.randint(-20, 99)
            answer = " " * rng.randint(0, 3) + str(age) + " " * rng.randint(0, 3)
            stdin = "".join(b + "\n" for b in bad) + answer + "\n"
            expect_verdict(user_input, stdin, reference(answer))


@exercise("verdict")
class TestVerdictHidden:
    @points(2)
    def test_random_answers(self, user_input, rng):
        for _ in range(30):
            if rng.random() < 0.25:
                text = rng.choice(BAD_ANSWERS)
            else:
                text = str(rng.randint(-30, 120))
            text = rng.choice(["", " ", "  ", "\t"]) + text + rng.choice(["", " ", "\n", " \t"])
            call(user_input.verdict, text).returns(reference(text))

    @points(1)
    def test_boundaries(self, user_input):
        for text, expected in (("18", ADULT), ("17", MINOR), ("0", MINOR), ("-1", MINOR), (" 18 ", ADULT)):
            call(user_input.verdict, text).returns(expected)

    @points(1)
    @hint(zh="verdict 要 return 那一行，不要自己 print；打印是 main 的事。",
          en="verdict must return the line, not print it; printing is main's job.")
    def test_returns_without_printing(self, user_input):
        if printed(user_input):
            fail(zh="import user_input 时不应该打印任何东西（把脚本代码放进 if __name__ == '__main__': 里）",
                 en="importing user_input must print nothing (put the script code under if __name__ == '__main__':)")
        call(user_input.verdict, "30").prints("")
        call(user_input.verdict, "5").prints("")
        call(user_input.verdict, "30").returns(ADULT)
