"""Public checks for properties: the simplest cases, shipped to students."""

from gradekit.grader import CheckFailure, call, exercise, grader_module, points, public, where
from gradekit.grader import show

_shared = grader_module(__file__, "_shared")
new, put, get, rejects = _shared.new, _shared.put, _shared.get, _shared.rejects


# -- small helpers: every read and write goes through call(...) so failures name it --------


def setter_place(cls, name):
    """file= and line= of the student's setter for ``cls.name``, when it is a property with one."""
    try:
        found = where(getattr(getattr(cls, name), "fset"))
    except Exception:
        found = None
    return {"file": found[0], "line": found[1]} if found else {}


# -- Student --------------------------------------------------------------------------------


@exercise("Student.score")
class TestScore:
    @public
    @points(1)
    def test_set_and_read(self, properties):
        s = new(properties.Student, "s = Student()")
        put(s, "score", 60, "s")
        get(s, "score", 60, "s", "s.score = 60")

    @public
    @points(1)
    def test_out_of_range(self, properties):
        s = new(properties.Student, "s = Student()")
        rejects(s, "score", 9999, ValueError, "score must between 0 ~ 100!", "s")

    @public
    @points(1)
    def test_not_an_integer(self, properties):
        s = new(properties.Student, "s = Student()")
        rejects(s, "score", "60", ValueError, "score must be an integer!", "s")


    @public
    @points(1)
    def test_rejected_value_keeps_old_score(self, properties):
        s = new(properties.Student, "s = Student()")
        put(s, "score", 60, "s")
        for bad, message in ((9999, "score must between 0 ~ 100!"), (70.5, "score must be an integer!")):
            rejects(s, "score", bad, ValueError, message, "s")
            got = call(getattr, s, "score").as_("s.score").result()
            if type(got) is not int or got != 60:
                raise CheckFailure(
                    "custom", **setter_place(properties.Student, "score"),
                    zh=f"执行 s.score = 60，再执行 s.score = {bad!r}（抛出了 ValueError），然后读取 s.score\n"
                       f"期望得到：60（被拒绝的值不能改变原来的成绩）\n实际得到：{show(got)}\n"
                       "在 setter 里先检查，检查都通过了再执行 self._score = value",
                    en=f"did s.score = 60, then s.score = {bad!r} (it raised ValueError), then read s.score\n"
                       f"expected: 60 (a rejected value leaves the old score unchanged)\ngot:      {show(got)}\n"
                       "in the setter, validate first and only then do self._score = value")


@exercise("Student.birth")
class TestBirth:
    @public
    @points(1)
    def test_set_and_read(self, properties):
        s = new(properties.Student, "s = Student()")
        put(s, "birth", 2000, "s")
        get(s, "birth", 2000, "s", "s.birth = 2000")


@exercise("Student.age")
class TestAge:
    @public
    @points(1)
    def test_age_from_birth(self, properties):
        year = properties.CURRENT_YEAR
        s = new(properties.Student, "s = Student()")
        put(s, "birth", 2000, "s")
        get(s, "age", year - 2000, "s", "s.birth = 2000")

    @public
    @points(1)
    def test_age_is_read_only(self, properties):
        s = new(properties.Student, "s = Student()")
        put(s, "birth", 2000, "s")
        rejects(s, "age", 5, AttributeError, None, "s")


# -- Screen ---------------------------------------------------------------------------------


@exercise("Screen.width")
class TestWidth:
    @public
    @points(1)
    def test_set_and_read(self, properties):
        scr = new(properties.Screen, "scr = Screen()")
        put(scr, "width", 1024, "scr")
        get(scr, "width", 1024, "scr", "scr.width = 1024")


@exercise("Screen.height")
class TestHeight:
    @public
    @points(1)
    def test_set_and_read(self, properties):
        scr = new(properties.Screen, "scr = Screen()")
        put(scr, "height", 768, "scr")
        get(scr, "height", 768, "scr", "scr.height = 768")


@exercise("Screen.resolution")
class TestResolution:
    @public
    @points(2)
    def test_notes_example(self, properties):
        scr = new(properties.Screen, "scr = Screen()")
        put(scr, "width", 1024, "scr")
        put(scr, "height", 768, "scr")
        get(scr, "resolution", 786432, "scr", "scr.width = 1024; scr.height = 768")

    @public
    @points(1)
    def test_recomputed_after_change(self, properties):
        scr = new(properties.Screen, "scr = Screen()")
        put(scr, "width", 1024, "scr")
        put(scr, "height", 768, "scr")
        get(scr, "resolution", 786432, "scr", "scr.width = 1024; scr.height = 768")
        put(scr, "width", 1280, "scr")
        get(scr, "resolution", 1280 * 768, "scr", "scr.width = 1024; scr.height = 768; scr.resolution; scr.width = 1280")

    @public
    @points(1)
    def test_resolution_is_read_only(self, properties):
        scr = new(properties.Screen, "scr = Screen()")
        put(scr, "width", 1024, "scr")
        put(scr, "height", 768, "scr")
        rejects(scr, "resolution", 100, AttributeError, None, "scr")
