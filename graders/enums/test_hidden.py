"""Hidden checks for enums: every member in order, how the enums are built (read from the source),
weekend boundaries, aliases, and a Person that accepts Gender members only."""

import ast
import operator

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, hint, points, remote_isinstance, sandbox_source
from gradekit.grader import show
from gradekit.grader.structure import parse

_shared = grader_module(__file__, "_shared")
TOOLS, called_name, member, attr = _shared.TOOLS, _shared.called_name, _shared.member, _shared.attr


COLOR = sandbox_source(__file__, "_hidden_sandbox_color")

MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']


def enum_class(enums, name):
    cls = getattr(enums, name)
    if not call(helper(enums, TOOLS, "is_enum_class"), cls).as_(f"issubclass({name}, Enum)").result():
        fail(zh=f"{name} 应该是一个 Enum 类，实际是 {show(cls)}",
             en=f"{name} should be an Enum class, but it is {show(cls)}")
    return cls


def listing(cls, cls_name, limit=30):
    """[(name, value), ...] of list(cls), in definition order."""
    it = call(iter, cls).as_(f"iter({cls_name})").result()
    out = []
    while len(out) < limit:
        try:
            m = next(it)
        except StopIteration:
            break
        out.append((attr(m, "name", "member").result(), attr(m, "value", "member").result()))
    return out


def tree_of(student_file):
    tree = parse(student_file)
    if tree is None:
        fail(zh=f"{student_file.name} 无法解析（有语法错误？）", en=f"{student_file.name} cannot be parsed (a syntax error?)")
    return tree


@exercise("Month")
class TestMonthHidden:
    @points(2)
    @hint(zh="函数式 API 默认从 1 开始编号：Enum('Month', MONTH_NAMES)，不要加 start=0；名字用给定的 MONTH_NAMES。",
          en="The functional API numbers from 1 by default: Enum('Month', MONTH_NAMES), without start=0; use the "
             "given MONTH_NAMES for the names.")
    def test_all_members(self, enums):
        month = enum_class(enums, "Month")
        expect(listing(month, "Month"), [(n, i) for i, n in enumerate(MONTHS, 1)], call="[(m.name, m.value) for m in Month]")
        call(len, month).as_("len(Month)").returns(12)

    @points(2)
    def test_random_lookups(self, enums, rng):
        month = enum_class(enums, "Month")
        for value in rng.sample(range(1, 13), 5):
            name = MONTHS[value - 1]
            m = call(operator.getitem, month, name).as_(f"Month[{name!r}]").result()
            attr(m, "value", f"Month[{name!r}]").returns(value)
            same = call(month, value).as_(f"Month({value})").result()
            if same != m:
                fail(zh=f"Month({value}) 和 Month[{name!r}] 应该是同一个成员，实际是 {str(same)!r} 和 {str(m)!r}",
                     en=f"Month({value}) and Month[{name!r}] should be the same member, but they are "
                        f"{str(same)!r} and {str(m)!r}")
            call(str, m).as_(f"str(Month[{name!r}])").returns(f"Month.{name}")
            if not remote_isinstance(m, month):
                fail(zh=f"Month[{name!r}] 应该是 Month 的成员", en=f"Month[{name!r}] should be a member of Month")

    @points(1)
    @hint(zh="这一题要求用函数式 API：在模块顶层写 Month = Enum('Month', MONTH_NAMES)，而不是 class Month(Enum):。",
          en="This exercise asks for the functional API: write Month = Enum('Month', MONTH_NAMES) at the top level "
             "of the module, not class Month(Enum):.")
    def test_functional_api(self, enums, student_file):
        tree = tree_of(student_file)
        ok = any(isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "Month" for t in n.targets)
                 and isinstance(n.value, ast.Call) and called_name(n.value.func) == "Enum"
                 for n in tree.body)
        if not ok:
            fail(zh="没有找到 Month = Enum('Month', ...)：请用函数式 API 定义 Month",
                 en="Month = Enum('Month', ...) not found: define Month with the functional API",
                 file=student_file.name)
        call(getattr, enum_class(enums, "Month"), "__name__").as_("Month.__name__").returns("Month")


@exercise("Weekday")
class TestWeekdayHidden:
    @points(2)
    @hint(zh="这里星期日是 SUNDAY = 7，不是 0；七个成员按 MONDAY 到 SUNDAY 的顺序定义，名字全大写。",
          en="Sunday is SUNDAY = 7 here, not 0; define the seven members in order from MONDAY to SUNDAY, all upper case.")
    def test_all_members(self, enums):
        weekday = enum_class(enums, "Weekday")
        expect(listing(weekday, "Weekday"), [(n, i) for i, n in enumerate(DAYS, 1)],
               call="[(d.name, d.value) for d in Weekday]")
        call(weekday, 0).as_("Weekday(0)").raises(ValueError)

    @points(1)
    def test_random_lookups(self, enums, rng):
        weekday = enum_class(enums, "Weekday")
        for value in rng.sample(range(1, 8), 4):
            name = DAYS[value - 1]
            d = call(weekday, value).as_(f"Weekday({value})").result()
            attr(d, "name", f"Weekday({value})").returns(name)
            if call(operator.getitem, weekday, name).as_(f"Weekday[{name!r}]").result() != d:
                fail(zh=f"Weekday[{name!r}] 和 Weekday({value}) 应该是同一个成员",
                     en=f"Weekday[{name!r}] and Weekday({value}) should be the same member")

    @points(1)
    @hint(zh="在 class Weekday(Enum): 上面一行写 @unique（from enum import unique），它保证没有两个成员的值相同。",
          en="Write @unique (from enum import unique) on the line above class Weekday(Enum):; it guarantees that "
             "no two members share a value.")
    def test_unique_decorator(self, enums, student_file):
        tree = tree_of(student_file)
        cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Weekday"), None)
        if cls is None:
            fail(zh="没有找到 class Weekday", en="class Weekday not found", file=student_file.name)
        if not any(called_name(d) == "unique" for d in cls.decorator_list):
            fail(zh="class Weekday 上面没有 @unique", en="class Weekday has no @unique above it",
                 file=student_file.name, line=cls.lineno)
        enum_class(enums, "Weekday")
        call(len, enums.Weekday).as_("len(Weekday)").returns(7)


@exercise("is_weekend")
class TestIsWeekendHidden:
    @points(2)
    @hint(zh="只有 SATURDAY 和 SUNDAY 是周末；FRIDAY（值 5）不是。返回 True/False。",
          en="Only SATURDAY and SUNDAY are the weekend; FRIDAY (value 5) is not. Return True/False.")
    def test_every_day(self, enums, rng):
        days = list(DAYS)
        rng.shuffle(days)
        for name in days:
            d = call(getattr, enums.Weekday, name).as_(f"Weekday.{name}").result()
            call(enums.is_weekend, d).as_(f"is_weekend(Weekday.{name})").returns(name in ("SATURDAY", "SUNDAY"))

    @points(1)
    @hint(zh="day 是成员，不是字符串：和 Weekday.SATURDAY、Weekday.SUNDAY 比较，或者看 day.value。",
          en="day is a member, not a string: compare it with Weekday.SATURDAY and Weekday.SUNDAY, or look at day.value.")
    def test_lookups(self, enums):
        for name, want in (("SUNDAY", True), ("SATURDAY", True), ("FRIDAY", False)):
            day = call(operator.getitem, enums.Weekday, name).as_(f"Weekday[{name!r}]").result()
            call(enums.is_weekend, day).as_(f"is_weekend(Weekday[{name!r}])").returns(want)


@exercise("Gender")
class TestGenderHidden:
    @points(2)
    @hint(zh="Gender 只有两个成员，Male = 0、Female = 1；值相同的第二个成员只是第一个的别名，不会出现在 list(Gender) 里。",
          en="Gender has exactly two members, Male = 0 and Female = 1; a second member with the same value is only an "
             "alias of the first and does not show up in list(Gender).")
    def test_all_members(self, enums):
        gender = enum_class(enums, "Gender")
        expect(listing(gender, "Gender"), [("Male", 0), ("Female", 1)], call="[(g.name, g.value) for g in Gender]")

    @points(1)
    def test_lookups(self, enums):
        gender = enum_class(enums, "Gender")
        attr(call(gender, 1).as_("Gender(1)").result(), "name", "Gender(1)").returns("Female")
        attr(call(gender, 0).as_("Gender(0)").result(), "name", "Gender(0)").returns("Male")
        male = member(gender, "Gender", "Male")
        female = member(gender, "Gender", "Female")
        if male == female:
            fail(zh="Gender.Male 和 Gender.Female 是同一个成员（值一样？）",
                 en="Gender.Male and Gender.Female are the same member (the same value?)")


@exercise("Person")
class TestPersonHidden:
    @points(2)
    @hint(zh="只接受 Gender 的成员：isinstance(gender, Gender)。字符串、数字、None、其他枚举的成员都要抛出 TypeError。",
          en="Accept Gender members only: isinstance(gender, Gender). Strings, numbers, None and members of other "
             "enums all raise TypeError.")
    def test_rejects_non_genders(self, enums):
        for bad in ("Female", "male", 0, 1, None):
            call(enums.Person, "Lisa", bad).raises(TypeError)
        monday = call(getattr, enums.Weekday, "MONDAY").as_("Weekday.MONDAY").result()
        call(enums.Person, "Lisa", monday).as_("Person('Lisa', Weekday.MONDAY)").raises(TypeError)

    @points(1)
    def test_rejects_other_enum_members(self, enums):
        red = helper(enums, COLOR, "RED")
        call(enums.Person, "Lisa", red).as_("Person('Lisa', Color.RED)  # class Color(Enum): RED = 0").raises(TypeError)
        female = call(getattr, enums.Gender, "Female").as_("Gender.Female").result()
        call(enums.Person, "Lisa", female).as_("Person('Lisa', Gender.Female)").result()

    @points(2)
    def test_random_people(self, enums, rng):
        names = ["Bart", "Lisa", "张三", "李四", "Ada", "Émile", "O'Brien"]
        for name in rng.sample(names, 4):
            which = rng.choice(["Male", "Female"])
            g = call(getattr, enums.Gender, which).as_(f"Gender.{which}").result()
            p = call(enums.Person, name, g).as_(f"Person({name!r}, Gender.{which})").result()
            attr(p, "name", f"Person({name!r}, Gender.{which})").returns(name)
            got = attr(p, "gender", f"Person({name!r}, Gender.{which})").result()
            if got != g:
                fail(zh=f"Person({name!r}, Gender.{which}).gender 应该就是 Gender.{which}，实际是 {str(got)!r}",
                     en=f"Person({name!r}, Gender.{which}).gender should be Gender.{which} itself, but it is {str(got)!r}")
