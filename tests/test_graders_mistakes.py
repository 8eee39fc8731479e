"""Issue 14, graders round 2: real learners' mistakes in decorators, generators, closures, functions and
properties lose points, the ones a statement stresses on a public check a student runs, and the
failures say where and what in both languages.

Each submission below is a reference solution with several learners' mistakes written in (one per
exercise, so each exercise's score shows its own mistake).  They are graded by real `grade check`
runs: a few, each over several topics.
"""

from __future__ import annotations

import re

import pytest

from gradekit.grader import grader_module

from conftest import ROOT, read_json, run_grade, solution_text, write_submission


def edited(slug: str, *changes: tuple[str, str]) -> str:
    """The reference solution of ``slug`` with each (old, new) made once: a learner's version."""
    text = solution_text(slug)
    for old, new in changes:
        assert text.count(old) == 1, f"{slug}: {old!r} is not in the solution exactly once"
        text = text.replace(old, new)
    return text


# -- the learners' code --------------------------------------------------------------------------

NO_WRAPS_LOG = ('''def log(func):
    @functools.wraps(func)
    def wrapper''', '''def log(func):
    def wrapper''')
LOG2_DROPS_KW = ('''        def wrapper(*args, **kw):
            print(f"{text} call {func.__name__}()...")
            return func(*args, **kw)''', '''        def wrapper(*args):
            print(f"{text} call {func.__name__}()...")
            return func(*args)''')
METRIC_SECONDS = ("elapsed = (time.perf_counter() - start) * 1000", "elapsed = time.perf_counter() - start")
METRIC_TWICE = ('''        result = fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        return result''', '''        fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        return fn(*args, **kw)''')
LOG_NEEDS_PARENS = ('''def log(func):
    @functools.wraps(func)
    def wrapper(*args, **kw):
        print(f"call {func.__name__}()...")
        return func(*args, **kw)
    return wrapper''', '''def log(func=None):
    def decorator(f):
        @functools.wraps(f)
        def wrapper(*args, **kw):
            print(f"call {f.__name__}()...")
            return f(*args, **kw)
        return wrapper
    return decorator''')
LOGGED_DROPS_RESULT = ('''            print(f"{prefix}end call {func.__name__}()")
            return result''', '''            print(f"{prefix}end call {func.__name__}()")''')
LOGGED_TWICE = ('''            result = func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
            return result''', '''            func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
            return func(*args, **kw)''')

TRIANGLES = '''        yield row
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]'''
FIB_RAISES_STOP = ("    return 'done'", "    raise StopIteration('done')")
TRIANGLES_IN_PLACE = (TRIANGLES, '''        yield row
        for i in range(len(row) - 1, 0, -1):
            row[i] = row[i] + row[i - 1]
        row.append(1)''')
# The original tutorial's version, widespread among learners.
TRIANGLES_APPEND_ZERO = ('''    row = [1]
    while True:
''' + TRIANGLES, '''    L = [1]
    while True:
        yield L
        L.append(0)
        L = [L[i - 1] + L[i] for i in range(len(L))]''')
TRIANGLES_TEN_ROWS = ("    while True:\n" + TRIANGLES, "    for _ in range(10):\n" + TRIANGLES)
TRIANGLES_TUPLES = (TRIANGLES, TRIANGLES.replace("yield row", "yield tuple(row)"))

COUNTER_RESET = ('''def createCounter():
    x = 0

    def counter():
        nonlocal x
        x = x + 1
        return x
    return counter''', '''n = 0


def createCounter():
    global n
    n = 0

    def counter():
        global n
        n = n + 1
        return n
    return counter''')

ROOTS = "    return (-b + root) / (2 * a), (-b - root) / (2 * a)"
QUADRATIC_RAISES_AT_ZERO = ("    if delta < 0:", "    if delta <= 0:")
QUADRATIC_ONE_FLOAT = ("    root = math.sqrt(delta)\n", "    if delta == 0:\n        return -b / (2 * a)\n    root = math.sqrt(delta)\n")
QUADRATIC_STRINGS = (ROOTS, "    return str((-b + root) / (2 * a)), str((-b - root) / (2 * a))")
QUADRATIC_PRINTS = (ROOTS, "    print((-b + root) / (2 * a), (-b - root) / (2 * a))")
MY_ABS_ONLY_STR = ("    if not isinstance(x, (int, float)):", "    if isinstance(x, str):")

SCORE_STORED_FIRST = ('''        if not isinstance(value, int):
            raise ValueError('score must be an integer!')
        if value < 0 or value > 100:
            raise ValueError('score must between 0 ~ 100!')
        self._score = value''', '''        self._score = value
        if not isinstance(value, int):
            raise ValueError('score must be an integer!')
        if value < 0 or value > 100:
            raise ValueError('score must between 0 ~ 100!')''')

#: What the statements stress, broken, and the learners' other mistakes that a public check now catches.
PUBLIC_ONE = {
    "decorators.py": edited("decorators", NO_WRAPS_LOG, LOG2_DROPS_KW, METRIC_SECONDS),
    "generators.py": edited("generators", FIB_RAISES_STOP, TRIANGLES_IN_PLACE),
    "properties.py": edited("properties", SCORE_STORED_FIRST),
    "functions.py": edited("functions", QUADRATIC_RAISES_AT_ZERO, MY_ABS_ONLY_STR),
}
PUBLIC_TWO = {
    "decorators.py": edited("decorators", METRIC_TWICE, LOGGED_TWICE),
    "generators.py": edited("generators", TRIANGLES_APPEND_ZERO),
    "closures.py": edited("closures", COUNTER_RESET),
    "functions.py": edited("functions", QUADRATIC_ONE_FLOAT),
}
#: Mistakes that lose points, on public or hidden checks.
GRADED_ONE = {
    "decorators.py": edited("decorators", LOG_NEEDS_PARENS, LOGGED_DROPS_RESULT),
    "generators.py": edited("generators", TRIANGLES_TEN_ROWS),
    "functions.py": edited("functions", QUADRATIC_STRINGS, MY_ABS_ONLY_STR),
}
GRADED_TWO = {
    "generators.py": edited("generators", TRIANGLES_TUPLES),
    "functions.py": edited("functions", QUADRATIC_PRINTS),
}


def graded(tmp, name, files, *options):
    """Grade ``files`` as a student folder; the result's checks as {(exercise, check name): check}."""
    sub = write_submission(tmp / name, files)
    out = tmp / f"{name}.json"
    topics = [f.removesuffix(".py") for f in files]
    proc = run_grade("check", *topics, "--submission", sub, "--json", out, *options)
    assert proc.returncode in (0, 1), proc.stdout[-3000:] + proc.stderr[-3000:]
    result = read_json(out)
    checks = {(e["name"], c["name"]): c for t in result["topics"] for e in t["exercises"] for c in e["checks"]}
    exercises = {e["name"]: e for t in result["topics"] for e in t["exercises"]}
    return {"checks": checks, "exercises": exercises, "stdout": proc.stdout}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("round2")
    return {
        "public_zh": graded(tmp, "p1zh", PUBLIC_ONE, "--public-only", "--lang", "zh"),
        "public_en": graded(tmp, "p1en", PUBLIC_ONE, "--public-only", "--lang", "en"),
        "public_two": graded(tmp, "p2", PUBLIC_TWO, "--public-only", "--lang", "en"),
        "graded_one": graded(tmp, "g1", GRADED_ONE, "--lang", "en"),
        "graded_two": graded(tmp, "g2", GRADED_TWO, "--lang", "en"),
    }


def failed_public(run, exercise, check):
    c = run["checks"][(exercise, check)]
    assert c["visibility"] == "public" and c["status"] == "fail", c
    assert c["points"] == 0 < c["max_points"]
    return c


def loses_points(run, exercise):
    e = run["exercises"][exercise]
    assert e["score"] < e["max_score"], e


# -- 3: what the statement stresses fails on a public check ------------------------------------


@pytest.mark.parametrize("exercise, check", [
    ("log2", "test_keyword_arguments"),               # log2 dropping **kw
    ("metric", "test_milliseconds"),                  # seconds printed as ms
    ("triangles", "test_collected_rows"),             # one list mutated in place
    ("Student.score", "test_rejected_value_keeps_old_score"),
    ("quadratic", "test_double_root"),                # raising when Δ == 0
    ("my_abs", "test_rejects_none_and_lists"),        # rejecting only str
])
def test_stressed_rules_fail_publicly(runs, exercise, check):
    for lang in ("public_zh", "public_en"):
        failed_public(runs[lang], exercise, check)


@pytest.mark.parametrize("exercise, check", [
    ("metric", "test_calls_once"),                    # called once timed and once for the value
    ("logged", "test_calls_once"),
    ("triangles", "test_collected_rows"),             # the tutorial's L.append(0)
    ("createCounter", "test_independent"),            # a global count that createCounter() resets
    ("quadratic", "test_double_root"),                # one float for a double root
])
def test_more_mistakes_fail_publicly(runs, exercise, check):
    failed_public(runs["public_two"], exercise, check)


def test_the_reference_parts_still_pass_publicly(runs):
    """Only the exercises with a mistake written in fail: the rest of each file passes."""
    checks = runs["public_en"]["checks"]
    assert all(c["status"] == "pass" for (ex, _), c in checks.items() if ex in ("logged", "chunked", "Student.age", "move"))


# -- 2: learners' mistakes lose points -------------------------------------------------------------


@pytest.mark.parametrize("run, exercise", [
    ("graded_one", "log"),          # only works as @log()
    ("graded_one", "logged"),       # drops the return value
    ("graded_one", "triangles"),    # stops after 10 rows (hidden: the rows go on)
    ("graded_one", "quadratic"),    # strings
    ("graded_one", "my_abs"),       # rejects only str
    ("graded_two", "triangles"),    # tuples
    ("graded_two", "quadratic"),    # prints
])
def test_mistakes_lose_points(runs, run, exercise):
    loses_points(runs[run], exercise)


def test_ten_rows_lose_only_hidden_points(runs):
    """Stopping after 10 rows passes every public check: a hidden check sees the rows end."""
    checks = runs["graded_one"]["checks"]
    tri = {name: c for (ex, name), c in checks.items() if ex == "triangles"}
    assert all(c["status"] == "pass" for c in tri.values() if c["visibility"] == "public")
    assert tri["test_deep_rows"]["status"] == "fail"


# -- 5: messages --------------------------------------------------------------------------------------


def test_name_failure_points_at_the_wrapper(runs):
    line = PUBLIC_ONE["decorators.py"].splitlines().index("    def wrapper(*args, **kw):") + 1
    for lang, words in (("public_zh", ["读取 log(now).__name__", "期望得到：'now'", "实际得到：'wrapper'", "functools.wraps"]),
                        ("public_en", ["read log(now).__name__", "expected: 'now'", "got:      'wrapper'", "functools.wraps"])):
        c = failed_public(runs[lang], "log", "test_keeps_name")
        assert (c["file"], c["line"]) == ("decorators.py", line)
        assert all(w in c["message"] for w in words), c["message"]
        assert f"decorators.py:{line}" in runs[lang]["stdout"]


def test_metric_units_message(runs):
    zh = failed_public(runs["public_zh"], "metric", "test_milliseconds")["message"]
    en = failed_public(runs["public_en"], "metric", "test_milliseconds")["message"]
    assert "调用 metric(nap)()：" in zh and "X 不小于 45" in zh and "要乘以 1000" in zh
    assert "called metric(nap)()" in en and "X at least 45" in en and "multiply it by 1000" in en
    # the printed reading, in seconds: about 0.1
    assert re.search(r"实际打印的 X：0\.05\d*", zh) and re.search(r"actual X:\s+0\.05\d*", en)


def test_triangles_aliasing_message_points_at_triangles(runs):
    line = PUBLIC_ONE["generators.py"].splitlines().index("def triangles():") + 1
    zh = failed_public(runs["public_zh"], "triangles", "test_collected_rows")
    en = failed_public(runs["public_en"], "triangles", "test_collected_rows")
    assert (zh["file"], zh["line"]) == (en["file"], en["line"]) == ("generators.py", line)
    assert "只是 1 个不同的 list 对象" in zh["message"] and "每一行都要是一个新的 list" in zh["message"]
    assert "only 1 different list object" in en["message"] and "every row must be a new list" in en["message"]
    # the tutorial's append(0): rows collected read with a trailing 0
    two = failed_public(runs["public_two"], "triangles", "test_collected_rows")
    assert "row 1 was [1] when yielded and reads [1, 0] after collecting" in two["message"] and two["file"] == "generators.py" and two["line"]


def test_escaped_stop_iteration_is_explained_on_the_public_check(runs):
    line = PUBLIC_ONE["generators.py"].splitlines().index("    raise StopIteration('done')") + 1
    zh = failed_public(runs["public_zh"], "fib", "test_returns_done")
    en = failed_public(runs["public_en"], "fib", "test_returns_done")
    assert zh["message"].startswith("第 4 次调用 next(fib(3)) 时，StopIteration 从你的生成器里跑了出来")
    assert "在生成器里用 return 结束" in zh["message"]
    assert en["message"].startswith("the 4th call of next(fib(3)): a StopIteration escaped from your generator")
    assert "end a generator with return" in en["message"]
    assert (zh["line"], en["line"]) == (line, line)


def test_english_ordinals():
    ordinal = grader_module(str(ROOT / "graders" / "generators" / "test_public.py"), "_tools").ordinal
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th"]


def test_double_call_message_says_how_many_calls(runs):
    msg = failed_public(runs["public_two"], "metric", "test_calls_once")["message"]
    assert "calling metric(tick)(7, key='v') once should call the original tick exactly once, but it was called 2 times" in msg


def test_score_message_names_the_setter(runs):
    line = PUBLIC_ONE["properties.py"].splitlines().index("    @score.setter") + 1
    zh = failed_public(runs["public_zh"], "Student.score", "test_rejected_value_keeps_old_score")
    en = failed_public(runs["public_en"], "Student.score", "test_rejected_value_keeps_old_score")
    assert "期望得到：60（被拒绝的值不能改变原来的成绩）" in zh["message"] and "实际得到：9999" in zh["message"]
    assert "expected: 60 (a rejected value leaves the old score unchanged)" in en["message"] and "got:      9999" in en["message"]
    assert zh["file"] == "properties.py" and zh["line"] in (line, line + 1)


def test_a_fixed_number_of_milliseconds_loses_the_public_points(tmp_path):
    """A @metric that prints a constant (print('... 20000 ms')) cannot follow two sleeps of different lengths."""
    solution = (ROOT / "exercises" / "decorators" / "solution.py").read_text(encoding="utf-8")
    fixed = solution.replace('print(f"{fn.__name__} executed in {elapsed:.3f} ms")',
                             'print(f"{fn.__name__} executed in 20000 ms")')
    assert fixed != solution
    sub = write_submission(tmp_path / "sub", {"decorators.py": fixed})
    out = tmp_path / "r.json"
    for lang, words in (("en", "not a fixed number"), ("zh", "不能是固定的数")):
        proc = run_grade("check", "decorators", "--submission", sub, "--public-only", "--lang", lang, "--json", out)
        assert proc.returncode == 1, proc.stderr
        check = next(c for t in read_json(out)["topics"] for e in t["exercises"] if e["name"] == "metric"
                     for c in e["checks"] if c["name"] == "test_milliseconds")
        assert check["status"] == "fail" and words in check["message"], check["message"]
