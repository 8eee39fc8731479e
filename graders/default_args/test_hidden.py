"""Hidden checks for default_args: edges, traps and seeded random inputs."""

import ast

from gradekit.grader import call, exercise, expect, fail, helper, hint, points, sandbox_source
from gradekit.grader.structure import forbid_names, parse, scope

# Runs in the sandbox child next to the student's module: list identity can only
# be seen there (a list that comes back to the grader is a copy).
PROBE = sandbox_source(__file__, "_hidden_sandbox_probe")


def tools(topic):
    return helper(topic, PROBE, "probe"), helper(topic, PROBE, "same_list")


@exercise("power")
class TestPowerHidden:
    @points(1)
    @hint(zh="n = 0 时结果是 1：一次都不乘。", en="For n = 0 the result is 1: multiply zero times.")
    def test_zero_and_one(self, default_args):
        call(default_args.power, 7, 0).returns(1)
        call(default_args.power, 7, 1).returns(7)
        call(default_args.power, 0, 0).returns(1)

    @points(2)
    def test_random(self, default_args, rng):
        for _ in range(15):
            x = rng.randint(-20, 20)
            n = rng.randint(0, 12)
            call(default_args.power, x, n).returns(x ** n)

    @points(1)
    def test_float_base_and_keyword(self, default_args, rng):
        for _ in range(5):
            x = round(rng.uniform(-3, 3), 3)
            n = rng.randint(0, 8)
            call(default_args.power, x, n=n).returns(x ** n)
        call(default_args.power, 1.5).returns(2.25)


    @points(1)
    @hint(zh="照笔记写：s = 1，然后 while n > 0 或 for 循环里 s = s * x。",
          en="As in the notes: s = 1, then s = s * x inside a while n > 0 or for loop.")
    def test_uses_a_loop(self, default_args, student_file):
        call(default_args.power, 3, 4).returns(81)
        forbid_names(student_file, {"pow"}, within="power",
                     zh="power 里不要用 pow()，用循环一次次乘 x",
                     en="do not use pow() in power: multiply by x in a loop")
        body = scope(parse(student_file), "power")
        if any(isinstance(node, ast.Pow) for node in ast.walk(body)):
            fail(zh="power 里不要用 ** 运算符，用循环一次次乘 x",
                 en="do not use the ** operator in power: multiply by x in a loop")
        if not any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(body)):
            fail(zh="power 里要有一个 for 或 while 循环", en="power needs a for or while loop")


@exercise("enroll")
class TestEnrollHidden:
    @points(1)
    @hint(zh="按顺序传的第三个参数是 age，所以 age 要写在 city 前面。",
          en="The third positional argument is age, so age must come before city.")
    def test_positional_age(self, default_args):
        call(default_args.enroll, 'Bob', 'M', 7).returns(
            {'name': 'Bob', 'gender': 'M', 'age': 7, 'city': 'Beijing'})

    @points(1)
    def test_all_positional_and_keywords(self, default_args, rng):
        names = ['Lisa', 'Bart', 'Tom', 'Jerry', '小明']
        cities = ['Shanghai', 'Guangzhou', 'Chengdu', '杭州']
        for _ in range(5):
            name, gender = rng.choice(names), rng.choice('MF')
            age, city = rng.randint(5, 60), rng.choice(cities)
            expected = {'name': name, 'gender': gender, 'age': age, 'city': city}
            call(default_args.enroll, name, gender, age, city).returns(expected)
            call(default_args.enroll, name, gender, city=city, age=age).returns(expected)
            call(default_args.enroll, gender=gender, name=name).returns(
                {'name': name, 'gender': gender, 'age': 6, 'city': 'Beijing'})


@exercise("add_end")
class TestAddEndHidden:
    @points(2)
    @hint(zh="默认参数只创建一次。用 L=None，在函数里再 L = []，每次调用才会得到一个新列表。",
          en="A default is created only once. Use L=None and set L = [] inside, so each call gets a new list.")
    def test_bare_calls_never_share(self, default_args):
        probe, _ = tools(default_args)
        got = call(probe).as_("a = add_end(); a.append('mine'); b = add_end(); c = add_end()").result()
        expect(got['second'], ['END'], call="a = add_end(); a.append('mine'); b = add_end(); b")
        expect(got['third'], ['END'], call="c = add_end()")
        expect(got['shared'], False, call="b is a or c is b")

    @points(1)
    @hint(zh="传进来的列表（哪怕是空列表 []）要原地追加并返回同一个列表；只有 L is None 时才新建。",
          en="A list passed in (even an empty []) is appended to in place and returned; only create a new one when L is None.")
    def test_appends_to_given_list(self, default_args):
        _, same_list = tools(default_args)
        for items in ([], [1, 2, 3], ['END']):
            got = call(same_list, list(items)).as_(f"L = {items!r}; add_end(L)").result()
            expect(got['result'], items + ['END'], call=f"add_end({items!r})")
            expect(got['same'], True, call=f"L = {items!r}; add_end(L) is L")

    @points(1)
    def test_after_given_list(self, default_args):
        call(default_args.add_end, ['a']).returns(['a', 'END'])
        call(default_args.add_end).returns(['END'])
        call(default_args.add_end, L=None).returns(['END'])
