"""Hidden checks for modules: random arguments, exit codes, import side effects, __all__ and import *."""

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, hint, points, printed, run_script, sandbox_source

_shared = grader_module(__file__, "_shared")
WITH_ARGV, short, last_line = _shared.WITH_ARGV, _shared.short, _shared.last_line


# What `from modules import *` brings in, as a sorted list of names.
STAR = sandbox_source(__file__, "_hidden_sandbox_star")

NAMES = ["Michael", "Bob", "Lisa", "张三", "李四", "Ada Lovelace", "x", "hello", "42", "-v", "O'Brien", "a,b"]


def expect_script(modules, argv, expected):
    run = run_script(modules, argv=argv)
    command = " ".join(["python modules.py", *(repr(a) if " " in a else a for a in argv)])
    if run.timed_out:
        fail(zh=f"运行 {command} 超时了", en=f"running {command} timed out")
    if run.stdout != expected or run.returncode != 0:
        err = last_line(run.stderr)
        note_zh = f"\n退出码 {run.returncode}" + (f"：{err}" if err else "") if run.returncode else ""
        note_en = f"\nexit code {run.returncode}" + (f": {err}" if err else "") if run.returncode else ""
        fail(zh=f"运行 {command}\n期望打印：{expected!r}（并以退出码 0 结束）\n实际打印：{run.stdout!r}{note_zh}",
             en=f"ran {command}\nexpected output: {expected!r} (and exit code 0)\nactual output:   {run.stdout!r}{note_en}")
    return run


@exercise("test")
class TestScriptHidden:
    @points(2)
    @hint(zh="一个参数 NAME 时打印 'hello, NAME!'。sys.argv[0] 是脚本名，第一个真正的参数是 sys.argv[1]："
             "一个参数时 len(sys.argv) == 2。",
          en="With one argument NAME, print 'hello, NAME!'. sys.argv[0] is the script name and the first real "
             "argument is sys.argv[1]: with one argument, len(sys.argv) == 2.")
    def test_random_names(self, modules, rng):
        for name in rng.sample(NAMES, 3):
            expect_script(modules, [name], f"hello, {name}!\n")

    @points(1)
    def test_random_many(self, modules, rng):
        argv = rng.sample(NAMES, rng.randint(3, 6))
        expect_script(modules, argv, "too many arguments!\n")

    @points(2)
    @hint(zh="字符串要一字不差：'hello world'、'hello, NAME!'（逗号后一个空格，末尾是感叹号）、'too many arguments!'。",
          en="The strings are exact: 'hello world', 'hello, NAME!' (a comma and one space, an exclamation mark at "
             "the end), 'too many arguments!'.")
    def test_calling_test_directly(self, modules, rng):
        run = helper(modules, WITH_ARGV, "test_with_argv")
        name = rng.choice(NAMES)
        cases = [(["modules.py"], "hello world\n"),
                 (["modules.py", name], f"hello, {name}!\n"),
                 (["modules.py", name, "again"], "too many arguments!\n")]
        for argv, want in cases:
            value = call(run, argv).as_(f"sys.argv = {argv!r}; modules.test()").prints(want)
            expect(value, None, call=f"sys.argv = {argv!r}; modules.test()")

    @points(2)
    @hint(zh="import 一个模块会执行它的全部顶层代码。把 test() 的调用放进 if __name__ == '__main__': 里，"
             "import 时 __name__ 是 'modules'，就不会调用。",
          en="Importing a module runs all of its top-level code. Put the call to test() under "
             "if __name__ == '__main__':; on import __name__ is 'modules', so it is not called.")
    def test_import_is_silent(self, modules):
        out = printed(modules)
        if out:
            fail(zh=f"import modules 时不应该打印任何东西，实际打印了 {short(out)}",
                 en=f"importing modules should print nothing, but it printed {short(out)}")
        call(getattr, modules, "__name__").as_("modules.__name__").returns("modules")
        run = helper(modules, WITH_ARGV, "test_with_argv")
        call(run, ["modules.py", "Bob"]).as_("sys.argv = ['modules.py', 'Bob']; modules.test()") \
            .prints("hello, Bob!\n")


@exercise("_private_test")
class TestPrivateHidden:
    @points(2)
    @hint(zh="__all__ 决定 from modules import * 导入哪些名字：只放 'test'。",
          en="__all__ decides what from modules import * imports: put only 'test' in it.")
    def test_star_import(self, modules):
        call(modules._private_test).as_("modules._private_test()").prints("this is a private test\n")
        names = call(helper(modules, STAR, "star_names")).as_("from modules import *").result()
        if "test" not in names or "_private_test" in names:
            fail(zh=f"from modules import * 应该导入 test、不导入 _private_test；实际导入了 {names!r}",
                 en=f"from modules import * should bring in test but not _private_test; it brought in {names!r}")

    @points(1)
    @hint(zh="_private_test（一个下划线开头）打印那一行、返回 None；__all__ 里只放公开的名字，不放下划线开头的名字。",
          en="_private_test (one leading underscore) prints the line and returns None; __all__ lists public names "
             "only, none starting with an underscore.")
    def test_prints_not_returns(self, modules):
        value = call(modules._private_test).as_("modules._private_test()").prints("this is a private test\n")
        expect(value, None, call="modules._private_test()")
        names = call(getattr, modules, "__all__").as_("modules.__all__").result()
        if not isinstance(names, (list, tuple)) or any(str(n).startswith("_") for n in names):
            fail(zh=f"__all__ 里不应该有以下划线开头的名字，实际是 {names!r}",
                 en=f"__all__ should hold no names starting with an underscore; it is {names!r}")
