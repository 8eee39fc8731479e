"""Hidden checks for properties: boundaries, validation order, read-only properties,
independent instances and values that must be recomputed, with seeded random inputs."""

from gradekit.grader import call, exercise, grader_module, hint, points

_shared = grader_module(__file__, "_shared")
new, put, get, rejects = _shared.new, _shared.put, _shared.get, _shared.rejects


# -- small helpers (the same as in test_public.py) ------------------------------------------


INT_MSG = "score must be an integer!"
RANGE_MSG = "score must between 0 ~ 100!"


# -- Student.score --------------------------------------------------------------------------


@exercise("Student.score")
class TestScoreHidden:
    @points(2)
    @hint(zh="0 和 100 都是合法成绩，-1 和 101 不是：比较时用 value < 0 or value > 100。",
          en="0 and 100 are valid scores, -1 and 101 are not: test value < 0 or value > 100.")
    def test_boundaries(self, properties):
        s = new(properties.Student, "s = Student()")
        for ok in (0, 100, 1, 99):
            put(s, "score", ok, "s")
            get(s, "score", ok, "s", f"s.score = {ok}")
        for bad in (-1, 101):
            rejects(s, "score", bad, ValueError, RANGE_MSG, "s")

    @points(2)
    def test_random_scores(self, properties, rng):
        s = new(properties.Student, "s = Student()")
        for _ in range(15):
            ok = rng.randint(0, 100)
            put(s, "score", ok, "s")
            get(s, "score", ok, "s", f"s.score = {ok}")
        for _ in range(10):
            bad = rng.choice([rng.randint(-10**6, -1), rng.randint(101, 10**6)])
            rejects(s, "score", bad, ValueError, RANGE_MSG, "s")

    @points(2)
    @hint(zh="59.5 和 60.0 都是 float，不是 int：用 isinstance(value, int) 检查，并且先检查类型、再检查范围。",
          en="59.5 and 60.0 are floats, not ints: check isinstance(value, int), and check the type before the range.")
    def test_non_integers(self, properties, rng):
        s = new(properties.Student, "s = Student()")
        for bad in (59.5, 60.0, 150.5, -0.5, None, [60], round(rng.uniform(0, 100), 2) + 0.001):
            rejects(s, "score", bad, ValueError, INT_MSG, "s")

    @points(1)
    @hint(zh="先检查，检查都通过了再执行 self._score = value；被拒绝的值不能覆盖原来的成绩。",
          en="Validate first and only then do self._score = value: a rejected value must not replace the old score.")
    def test_rejected_value_keeps_old_score(self, properties, rng):
        s = new(properties.Student, "s = Student()")
        good = rng.randint(0, 100)
        put(s, "score", good, "s")
        rejects(s, "score", 200, ValueError, RANGE_MSG, "s")
        rejects(s, "score", 70.5, ValueError, INT_MSG, "s")
        get(s, "score", good, "s", f"s.score = {good}; s.score = 200; s.score = 70.5")

    @points(1)
    def test_students_are_independent(self, properties, rng):
        a = new(properties.Student, "a = Student()")
        b = new(properties.Student, "b = Student()")
        x, y = rng.sample(range(101), 2)
        put(a, "score", x, "a")
        put(b, "score", y, "b")
        get(a, "score", x, "a", f"a.score = {x}; b.score = {y}")
        get(b, "score", y, "b", f"a.score = {x}; b.score = {y}")


# -- Student.birth --------------------------------------------------------------------------


@exercise("Student.birth")
class TestBirthHidden:
    @points(2)
    @hint(zh="birth 可读也可写：再次赋值后要读到新值。",
          en="birth is read/write: after a second assignment the new value is read back.")
    def test_random_years(self, properties, rng):
        s = new(properties.Student, "s = Student()")
        for _ in range(10):
            year = rng.randint(1900, 2024)
            put(s, "birth", year, "s")
            get(s, "birth", year, "s", f"s.birth = {year}")

    @points(1)
    def test_students_are_independent(self, properties, rng):
        a = new(properties.Student, "a = Student()")
        b = new(properties.Student, "b = Student()")
        x, y = rng.sample(range(1950, 2020), 2)
        put(a, "birth", x, "a")
        put(b, "birth", y, "b")
        get(a, "birth", x, "a", f"a.birth = {x}; b.birth = {y}")
        get(b, "birth", y, "b", f"a.birth = {x}; b.birth = {y}")


# -- Student.age ----------------------------------------------------------------------------


@exercise("Student.age")
class TestAgeHidden:
    @points(2)
    def test_follows_birth(self, properties, rng):
        year = properties.CURRENT_YEAR
        s = new(properties.Student, "s = Student()")
        for _ in range(10):
            birth = rng.randint(1900, year)
            put(s, "birth", birth, "s")
            get(s, "age", year - birth, "s", f"s.birth = {birth}")

    @points(2)
    @hint(zh="age 不能有 setter：s.age = 5 应该抛出 AttributeError，并且之后 age 仍然由 birth 算出来。",
          en="age must have no setter: s.age = 5 raises AttributeError, and afterwards age still comes from birth.")
    def test_read_only(self, properties, rng):
        year = properties.CURRENT_YEAR
        s = new(properties.Student, "s = Student()")
        birth = rng.randint(1950, 2015)
        put(s, "birth", birth, "s")
        for bad in (5, rng.randint(1, 99)):
            rejects(s, "age", bad, AttributeError, None, "s")
        get(s, "age", year - birth, "s", f"s.birth = {birth}; s.age = ...")

    @points(1)
    @hint(zh="用常量 CURRENT_YEAR 计算，不要把年份直接写成数字。评分时会修改 CURRENT_YEAR。",
          en="Compute with the constant CURRENT_YEAR, not a year written as a number; the grader changes CURRENT_YEAR.")
    def test_uses_current_year(self, properties, rng):
        year = rng.randint(2030, 2099)
        call(setattr, properties, "CURRENT_YEAR", year).as_(f"CURRENT_YEAR = {year}").result()
        s = new(properties.Student, "s = Student()")
        birth = rng.randint(1990, 2020)
        put(s, "birth", birth, "s")
        get(s, "age", year - birth, "s", f"CURRENT_YEAR = {year}; s.birth = {birth}")


# -- Screen.width / Screen.height -----------------------------------------------------------


@exercise("Screen.width")
class TestWidthHidden:
    @points(2)
    def test_random_widths(self, properties, rng):
        scr = new(properties.Screen, "scr = Screen()")
        for _ in range(10):
            w = rng.randint(1, 8000)
            put(scr, "width", w, "scr")
            get(scr, "width", w, "scr", f"scr.width = {w}")

    @points(1)
    @hint(zh="把宽度存在 self 上，每个屏幕有自己的宽度。", en="Store the width on self: each screen has its own width.")
    def test_screens_are_independent(self, properties, rng):
        a = new(properties.Screen, "a = Screen()")
        b = new(properties.Screen, "b = Screen()")
        x, y = rng.sample(range(100, 4000), 2)
        put(a, "width", x, "a")
        put(b, "width", y, "b")
        get(a, "width", x, "a", f"a.width = {x}; b.width = {y}")

    @points(1)
    def test_height_does_not_touch_width(self, properties, rng):
        scr = new(properties.Screen, "scr = Screen()")
        w, h = rng.sample(range(100, 4000), 2)
        put(scr, "width", w, "scr")
        put(scr, "height", h, "scr")
        get(scr, "width", w, "scr", f"scr.width = {w}; scr.height = {h}")


@exercise("Screen.height")
class TestHeightHidden:
    @points(2)
    def test_random_heights(self, properties, rng):
        scr = new(properties.Screen, "scr = Screen()")
        for _ in range(10):
            h = rng.randint(1, 8000)
            put(scr, "height", h, "scr")
            get(scr, "height", h, "scr", f"scr.height = {h}")

    @points(2)
    @hint(zh="复制 width 的代码时容易漏改：检查 @height.setter 和 getter 里的 self._height。",
          en="Copying the width code is easy to get half right: check @height.setter and self._height in the getter.")
    def test_width_does_not_touch_height(self, properties, rng):
        scr = new(properties.Screen, "scr = Screen()")
        w, h = rng.sample(range(100, 4000), 2)
        put(scr, "height", h, "scr")
        put(scr, "width", w, "scr")
        get(scr, "height", h, "scr", f"scr.height = {h}; scr.width = {w}")


# -- Screen.resolution ----------------------------------------------------------------------


@exercise("Screen.resolution")
class TestResolutionHidden:
    @points(2)
    def test_random_sizes(self, properties, rng):
        for _ in range(8):
            scr = new(properties.Screen, "scr = Screen()")
            w, h = rng.randint(1, 8000), rng.randint(1, 8000)
            put(scr, "width", w, "scr")
            put(scr, "height", h, "scr")
            get(scr, "resolution", w * h, "scr", f"scr.width = {w}; scr.height = {h}")

    @points(2)
    @hint(zh="每次读 resolution 都重新计算宽 × 高；宽或高改变后，结果也要跟着变。",
          en="Compute width × height on every read of resolution; when width or height changes, so does the result.")
    def test_recomputed_after_change(self, properties, rng):
        scr = new(properties.Screen, "scr = Screen()")
        w, h = rng.randint(100, 4000), rng.randint(100, 4000)
        put(scr, "width", w, "scr")
        put(scr, "height", h, "scr")
        get(scr, "resolution", w * h, "scr", f"scr.width = {w}; scr.height = {h}")
        w2 = w + rng.randint(1, 500)
        put(scr, "width", w2, "scr")
        get(scr, "resolution", w2 * h, "scr", f"scr.width = {w2}")
        h2 = h + rng.randint(1, 500)
        put(scr, "height", h2, "scr")
        get(scr, "resolution", w2 * h2, "scr", f"scr.height = {h2}")

    @points(1)
    @hint(zh="resolution 不能有 setter：赋值应该抛出 AttributeError。",
          en="resolution must have no setter: assigning to it raises AttributeError.")
    def test_read_only_keeps_value(self, properties, rng):
        scr = new(properties.Screen, "scr = Screen()")
        w, h = rng.randint(1, 2000), rng.randint(1, 2000)
        put(scr, "width", w, "scr")
        put(scr, "height", h, "scr")
        rejects(scr, "resolution", rng.randint(1, 100), AttributeError, None, "scr")
        get(scr, "resolution", w * h, "scr", f"scr.width = {w}; scr.height = {h}")
