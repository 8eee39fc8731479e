"""Hidden checks for tuples: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, expect, fail, helper, hint, points, sandbox_source

FREEZE_PROBE = sandbox_source(__file__, "_hidden_sandbox_freeze_probe")


def frozen(value):
    if isinstance(value, (list, tuple)):
        return tuple(frozen(v) for v in value)
    return value


def random_nested(rng, depth):
    if depth == 0 or rng.random() < 0.5:
        return rng.choice([rng.randint(-9, 99), rng.choice("abcxyz"), None, 2.5])
    return [random_nested(rng, depth - 1) for _ in range(rng.randint(0, 3))]


@exercise("single")
class TestSingleHidden:
    @points(2)
    @hint(zh="不管 x 是什么（字符串、列表、元组、None），结果都是只装着 x 这一个元素的元组。",
          en="Whatever x is (a string, a list, a tuple, None), the result is a tuple holding just x.")
    def test_any_value(self, tuples):
        for x in ('hello', [1, 2], (1, 2), None, (), '', 0, {'a': 1}):
            call(tuples.single, x).returns((x,))

    @points(1)
    def test_random(self, tuples, rng):
        for _ in range(10):
            x = rng.choice([rng.randint(-1000, 1000), rng.uniform(-10, 10), "".join(rng.choices("xyz", k=3))])
            call(tuples.single, x).returns((x,))


@exercise("swap")
class TestSwapHidden:
    @points(2)
    @hint(zh="传进来的 pair 也可能是列表，返回值总是元组。", en="pair may also be a list; the result is always a tuple.")
    def test_list_pair(self, tuples):
        call(tuples.swap, [1, 2]).returns((2, 1))
        call(tuples.swap, ['a', 'b']).returns(('b', 'a'))

    @points(1)
    def test_nested_values(self, tuples):
        call(tuples.swap, ((1, 2), [3])).returns(([3], (1, 2)))
        call(tuples.swap, (None, None)).returns((None, None))

    @points(1)
    def test_random(self, tuples, rng):
        for _ in range(15):
            a, b = rng.randint(-99, 99), rng.choice(["p", "q", rng.randint(0, 9)])
            call(tuples.swap, (a, b)).returns((b, a))


@exercise("freeze")
class TestFreezeHidden:
    @points(2)
    @hint(zh="行里面的列表也要变成元组，嵌套多深都一样：结果里不能再有任何 list。",
          en="Lists inside a row must become tuples too, however deep: no list may remain in the result.")
    def test_deep_nesting(self, tuples):
        call(tuples.freeze, [[1, [2, [3, 4]]], [5]]).returns(((1, (2, (3, 4))), (5,)))
        call(tuples.freeze, [[[]], []]).returns((((),), ()))
        call(tuples.freeze, [(1, [2]), ['a', ('b', ['c'])]]).returns(((1, (2,)), ('a', ('b', ('c',)))))

    @points(2)
    @hint(zh="冻结后的结果应该是一份独立的、不可修改的拷贝：之后修改原来的列表不会影响它，它也能当字典的键。",
          en="The frozen result is an independent, unchangeable copy: changing the original lists afterwards does not affect it, and it can be a dict key.")
    def test_independent_copy(self, tuples):
        probe = helper(tuples, FREEZE_PROBE, "probe")
        for rows in ([[1, 2], [3, 4]], [['a'], [['b', 'c']], []]):
            label = f"freeze({rows!r})"
            result, hashable = call(probe, tuples.freeze, rows).as_(label).result()
            expect(result, frozen(rows), call=label)
            if not hashable:
                fail(zh=f"{label} 的结果里还有列表（不能作为字典的键）：每一层都要变成元组",
                     en=f"the result of {label} still holds lists (it cannot be a dict key): convert every level to a tuple")

    @points(1)
    def test_rows_of_strings(self, tuples):
        call(tuples.freeze, [['ab', 'cd'], ['e']]).returns((('ab', 'cd'), ('e',)))

    @points(2)
    def test_random(self, tuples, rng):
        for _ in range(15):
            rows = [[random_nested(rng, 3) for _ in range(rng.randint(0, 4))] for _ in range(rng.randint(0, 4))]
            call(tuples.freeze, rows).returns(frozen(rows))
