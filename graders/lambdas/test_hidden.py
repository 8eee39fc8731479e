"""Hidden checks for lambdas: negatives, structure, lazy filter objects, input mutation, random inputs."""

import ast

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, hint, points
from gradekit.grader.structure import has_node, mentions, parse, scope

_shared = grader_module(__file__, "_shared")
ON_A_COPY, need_function = _shared.ON_A_COPY, _shared.need_function

# Runs in the sandbox child, next to the student's code.


def tree_of(student_file):
    tree = parse(student_file)
    if tree is None:
        fail(zh=f"{student_file.name} 无法解析（有语法错误？）", en=f"{student_file.name} cannot be parsed (a syntax error?)")
    return tree


@exercise("is_odd")
class TestIsOddHidden:
    @points(2)
    @hint(zh="负数也有奇偶：-3 是奇数。在 Python 里 -3 % 2 等于 1，所以 n % 2 == 1 对负数也成立。",
          en="Negative numbers are odd or even too: -3 is odd. In Python -3 % 2 is 1, so n % 2 == 1 works for negatives.")
    def test_random_numbers(self, lambdas, rng):
        values = [-3, -2, -1, 1, 2, 5, 6] + [rng.randint(-10**6, 10**6) for _ in range(25)]
        for n in values:
            call(lambdas.is_odd, n).returns(n % 2 == 1)

    @points(1)
    @hint(zh="is_odd 要用赋值语句定义：is_odd = lambda n: ...，而不是 def is_odd(n):。",
          en="Define is_odd with an assignment, is_odd = lambda n: ..., not with def is_odd(n):.")
    def test_defined_with_lambda(self, lambdas, student_file):
        tree = tree_of(student_file)
        defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "is_odd"]
        lambdas_ = [n for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))
                    and isinstance(n.value, ast.Lambda)
                    and any(isinstance(t, ast.Name) and t.id == "is_odd"
                            for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))]
        if defs or not lambdas_:
            line = defs[0].lineno if defs else None
            fail(zh="is_odd 必须写成 lambda：在模块顶层写 is_odd = lambda n: ...（不要用 def is_odd）",
                 en="is_odd must be a lambda: write is_odd = lambda n: ... at the top level of the module (no def is_odd)",
                 file=student_file.name, line=line)


@exercise("odd_numbers")
class TestOddNumbersHidden:
    @points(2)
    def test_random_lists(self, lambdas, rng):
        call(lambdas.odd_numbers, [2, 4, 6]).returns([])
        for _ in range(12):
            values = [rng.randint(-50, 50) for _ in range(rng.randint(0, 15))]
            call(lambdas.odd_numbers, values).returns([n for n in values if n % 2 == 1])

    @points(1)
    @hint(zh="filter(...) 得到的是一个 filter 对象（惰性的），要用 list(...) 把它变成 list 再返回。",
          en="filter(...) gives a (lazy) filter object: turn it into a list with list(...) before returning it.")
    def test_returns_a_list(self, lambdas):
        call(lambdas.odd_numbers, []).returns([])
        call(lambdas.odd_numbers, [9]).returns([9])
        call(lambdas.odd_numbers, (3, 5)).returns([3, 5])

    @points(1)
    @hint(zh="不要在遍历 L 的同时从 L 里删除元素：既会改掉调用者的 list，又会跳过元素。filter 会生成新的结果。",
          en="Do not remove items from L while looping over it: that changes the caller's list and skips items. "
             "filter builds a new result.")
    def test_input_unchanged(self, lambdas, rng):
        run = helper(lambdas, ON_A_COPY, "odd_numbers_on_copy")
        for values in ([2, 4, 1, 6, 8, 3], [rng.randint(0, 30) for _ in range(12)]):
            after = call(run, values).as_(f"L = {values}; odd_numbers(L); L").result()
            expect(after, values, call=f"L = {values}; odd_numbers(L); L")

    @points(1)
    @hint(zh="这个练习要求用 filter 加 lambda：return list(filter(lambda n: ..., L))（把 is_odd 传给 filter 也可以）。",
          en="This exercise asks for filter with a lambda: return list(filter(lambda n: ..., L)) "
             "(passing is_odd to filter is fine too).")
    def test_uses_filter_and_lambda(self, lambdas, student_file):
        node = scope(tree_of(student_file), "odd_numbers")
        if node is None:
            fail(zh="找不到 def odd_numbers", en="def odd_numbers not found")
        if not mentions(node, {"filter"}):
            fail(zh="odd_numbers 里没有调用 filter：请用 filter 加 lambda 来过滤",
                 en="odd_numbers does not call filter: filter with a lambda, please",
                 file=student_file.name, line=node.lineno)
        if not (has_node(node, ast.Lambda) or mentions(node, {"is_odd"})):
            fail(zh="odd_numbers 里没有 lambda：把判断奇数的 lambda（或 is_odd）传给 filter",
                 en="odd_numbers has no lambda: pass a lambda (or is_odd) that tests for odd numbers to filter",
                 file=student_file.name, line=node.lineno)


@exercise("build")
class TestBuildHidden:
    @points(2)
    def test_random_numbers(self, lambdas, rng):
        for _ in range(12):
            x, y = rng.randint(-1000, 1000), rng.randint(-1000, 1000)
            if rng.random() < 0.4:
                x, y = x / 7, y / 3
            f = need_function(call(lambdas.build, x, y).result(), f"build({x!r}, {y!r})")
            call(f).as_(f"build({x!r}, {y!r})()").returns(x * x + y * y)

    @points(1)
    @hint(zh="build 返回的函数要用 lambda 写，而且不带参数：return lambda: x * x + y * y。",
          en="The function build returns is a lambda with no parameters: return lambda: x * x + y * y.")
    def test_returns_a_lambda(self, lambdas):
        f = need_function(call(lambdas.build, 1, 2).result(), "build(1, 2)")
        call(getattr, f, "__name__").as_("build(1, 2).__name__").returns("<lambda>")
        call(f).as_("build(1, 2)()").returns(5)

    @points(1)
    def test_independent_and_repeatable(self, lambdas, rng):
        pairs = [(rng.randint(-99, 99), rng.randint(-99, 99)) for _ in range(4)]
        fs = [need_function(call(lambdas.build, x, y).result(), f"build({x}, {y})") for x, y in pairs]
        for (x, y), f in reversed(list(zip(pairs, fs))):
            call(f).as_(f"f = build({x}, {y}); f()").returns(x * x + y * y)
            call(f).as_(f"f = build({x}, {y}); f(); f()").returns(x * x + y * y)
        zero = need_function(call(lambdas.build, 0, 0).result(), "build(0, 0)")
        call(zero).as_("build(0, 0)()").returns(0)
