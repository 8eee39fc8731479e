"""Public checks for modules: run the file as a script, import it, and look at __all__."""

from gradekit.grader import call, exercise, fail, grader_module, helper, points, printed, public, run_script

_shared = grader_module(__file__, "_shared")
WITH_ARGV, short, last_line = _shared.WITH_ARGV, _shared.short, _shared.last_line

# Runs in the sandbox child: call test() with a given sys.argv (changed in place, then restored).


def expect_script(modules, argv, expected):
    """``python modules.py ARGV`` must print exactly ``expected`` (one line)."""
    run = run_script(modules, argv=argv)
    command = " ".join(["python modules.py", *argv])
    if run.timed_out:
        fail(zh=f"运行 {command} 超时了", en=f"running {command} timed out")
    if run.stdout != expected:
        err = last_line(run.stderr)
        if run.returncode and err.startswith("NotImplementedError"):
            note_zh, note_en = "\n程序还没有完成（仍然是 raise NotImplementedError）", \
                "\nthe program is not done yet (it still raises NotImplementedError)"
        elif run.returncode and err:
            note_zh, note_en = f"\n程序出错退出（退出码 {run.returncode}）：{err}", \
                f"\nthe program crashed (exit code {run.returncode}): {err}"
        else:
            note_zh = note_en = ""
        fail(zh=f"运行 {command}\n期望打印：{expected!r}\n实际打印：{run.stdout!r}{note_zh}",
             en=f"ran {command}\nexpected output: {expected!r}\nactual output:   {run.stdout!r}{note_en}")
    return run


@exercise("test")
class TestScript:
    @public
    @points(2)
    def test_no_arguments(self, modules):
        expect_script(modules, [], "hello world\n")

    @public
    @points(2)
    def test_one_argument(self, modules):
        expect_script(modules, ["Michael"], "hello, Michael!\n")

    @public
    @points(1)
    def test_too_many(self, modules):
        expect_script(modules, ["Michael", "Bob"], "too many arguments!\n")

    @public
    @points(2)
    def test_import_prints_nothing(self, modules):
        out = printed(modules)
        if out:
            fail(zh=f"import modules 时不应该打印任何东西，实际打印了 {short(out)}\n"
                    "（只在 if __name__ == '__main__': 下面调用 test()）",
                 en=f"importing modules should print nothing, but it printed {short(out)}\n"
                    "(call test() only under if __name__ == '__main__':)")
        run = helper(modules, WITH_ARGV, "test_with_argv")
        call(run, ["modules.py"]).as_("import modules; sys.argv = ['modules.py']; modules.test()") \
            .prints("hello world\n")


@exercise("_private_test")
class TestPrivate:
    @public
    @points(2)
    def test_private_and_all(self, modules):
        call(modules._private_test).as_("modules._private_test()").prints("this is a private test\n")
        names = call(getattr, modules, "__all__").as_("modules.__all__").result()
        if not isinstance(names, (list, tuple)) or "test" not in names or "_private_test" in names:
            fail(zh=f"modules.__all__ 应该是 ['test']：列出公开的 test，不列出 _private_test；实际是 {names!r}",
                 en=f"modules.__all__ should be ['test']: it lists the public test and leaves _private_test out; "
                    f"it is {names!r}")
