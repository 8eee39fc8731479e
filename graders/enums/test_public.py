"""Public checks for enums: the notes' examples, shipped to students.

Enum members stay in the sandbox; the grader compares their .name and .value (plain data).
"""

import ast
import operator

from gradekit.grader import call, exercise, fail, grader_module, helper, points, public, remote_isinstance
from gradekit.grader import show
from gradekit.grader.structure import parse

_shared = grader_module(__file__, "_shared")
TOOLS, called_name, member, attr = _shared.TOOLS, _shared.called_name, _shared.member, _shared.attr


def enum_class(enums, name):
    """``enums.<name>`` must be an Enum class; returns its proxy."""
    cls = getattr(enums, name)
    if not call(helper(enums, TOOLS, "is_enum_class"), cls).as_(f"issubclass({name}, Enum)").result():
        fail(zh=f"{name} 应该是一个 Enum 类，实际是 {show(cls)}",
             en=f"{name} should be an Enum class, but it is {show(cls)}")
    return cls


@exercise("Month")
class TestMonth:
    @public
    @points(2)
    def test_values(self, enums):
        month = enum_class(enums, "Month")
        attr(member(month, "Month", "Jan"), "value", "Month.Jan").returns(1)
        attr(member(month, "Month", "Dec"), "value", "Month.Dec").returns(12)

    @public
    @points(1)
    def test_lookups(self, enums):
        month = enum_class(enums, "Month")
        attr(call(operator.getitem, month, "Mar").as_("Month['Mar']").result(), "value", "Month['Mar']").returns(3)
        attr(call(month, 2).as_("Month(2)").result(), "name", "Month(2)").returns("Feb")

    @public
    @points(1)
    def test_functional_api(self, enums, student_file):
        # Bold in the statement: Month is made with the functional API (the source is read).
        # A working Month comes first: the stub's Month = None is not written yet, not a wrong syntax.
        enum_class(enums, "Month")
        tree = parse(student_file)
        if tree is None:
            return
        found = [n for n in tree.body if isinstance(n, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "Month" for t in n.targets)
                 and isinstance(n.value, ast.Call) and called_name(n.value.func) == "Enum"]
        if not found:
            cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Month"), None)
            fail(zh="源代码里没有 Month = Enum('Month', ...)：Month 应该用函数式 API 定义，而不是 class 写法。",
                 en="the source has no Month = Enum('Month', ...): Month should be defined with the functional API, "
                    "not the class syntax.",
                 file=student_file.name, line=cls.lineno if cls else None)


@exercise("Weekday")
class TestWeekday:
    @public
    @points(2)
    def test_values(self, enums):
        weekday = enum_class(enums, "Weekday")
        attr(member(weekday, "Weekday", "MONDAY"), "value", "Weekday.MONDAY").returns(1)
        attr(call(weekday, 7).as_("Weekday(7)").result(), "name", "Weekday(7)").returns("SUNDAY")

    @public
    @points(1)
    def test_unique_decorator(self, enums, student_file):
        # Bold in the statement: Weekday carries @unique (the source is read). Its seven members come first.
        weekday = enum_class(enums, "Weekday")
        call(len, weekday).as_("len(Weekday)").returns(7)
        tree = parse(student_file)
        cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Weekday"), None) if tree else None
        if cls is not None and not any(called_name(d) == "unique" for d in cls.decorator_list):
            fail(zh="class Weekday 上面没有 @unique：应该写 @unique，值重复时立刻报错。",
                 en="class Weekday has no @unique above it: it should, so that a repeated value fails at once.",
                 file=student_file.name, line=cls.lineno)


@exercise("is_weekend")
class TestIsWeekend:
    @public
    @points(2)
    def test_saturday_and_monday(self, enums):
        weekday = enum_class(enums, "Weekday")
        call(enums.is_weekend, member(weekday, "Weekday", "SATURDAY")).returns(True)
        call(enums.is_weekend, member(weekday, "Weekday", "MONDAY")).returns(False)


@exercise("Gender")
class TestGender:
    @public
    @points(2)
    def test_members(self, enums):
        gender = enum_class(enums, "Gender")
        male = member(gender, "Gender", "Male")
        female = member(gender, "Gender", "Female")
        if not remote_isinstance(female, gender):
            fail(zh="Gender.Female 应该是 Gender 的成员", en="Gender.Female should be a member of Gender")
        attr(male, "value", "Gender.Male").returns(0)
        attr(female, "value", "Gender.Female").returns(1)


@exercise("Person")
class TestPerson:
    @public
    @points(2)
    def test_with_gender(self, enums):
        male = member(enums.Gender, "Gender", "Male")
        bart = call(enums.Person, "Bart", male).as_("Person('Bart', Gender.Male)").result()
        attr(bart, "name", "bart").returns("Bart")
        got = attr(bart, "gender", "bart").result()
        if got != male:
            fail(zh=f"bart.gender 应该就是 Gender.Male，实际是 {show(got)}",
                 en=f"bart.gender should be Gender.Male itself, but it is {show(got)}")

    @public
    @points(2)
    def test_rejects_a_string(self, enums):
        call(enums.Person, "Bart", "Male").raises(TypeError)
