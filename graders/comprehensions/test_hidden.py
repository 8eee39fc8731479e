"""Hidden checks for comprehensions: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, hint, points

WORDS = ['Hello', 'WORLD', 'PyThOn', 'abc', '', 'ÄÖ', '中文', 'X']
OTHERS = [18, None, 3.5, True, ['A'], ('B',), b'C']


@exercise("squares")
class TestSquaresHidden:
    @points(1)
    @hint(zh="从 1 开始、到 n 为止（包括 n）：range(1, n + 1)。", en="From 1 up to and including n: range(1, n + 1).")
    def test_edges(self, comprehensions):
        call(comprehensions.squares, 1).returns([1])
        call(comprehensions.squares, 0).returns([])
        call(comprehensions.squares, -3).returns([])

    @points(1)
    def test_random(self, comprehensions, rng):
        for _ in range(8):
            n = rng.randint(2, 60)
            call(comprehensions.squares, n).returns([x * x for x in range(1, n + 1)])


@exercise("even_squares")
class TestEvenSquaresHidden:
    @points(1)
    @hint(zh="n 本身是偶数时也要算进去。", en="When n itself is even it counts too.")
    def test_edges(self, comprehensions):
        call(comprehensions.even_squares, 2).returns([4])
        call(comprehensions.even_squares, 1).returns([])
        call(comprehensions.even_squares, 0).returns([])

    @points(1)
    def test_random(self, comprehensions, rng):
        for _ in range(8):
            n = rng.randint(2, 60)
            call(comprehensions.even_squares, n).returns([x * x for x in range(1, n + 1) if x % 2 == 0])


@exercise("sign_flip")
class TestSignFlipHidden:
    @points(1)
    @hint(zh="每个数都要留下：奇数取负，偶数不变。if ... else 写在 for 前面。",
          en="Every number stays: odd ones negated, even ones as they are. The if ... else goes before the for.")
    def test_edges(self, comprehensions):
        call(comprehensions.sign_flip, 1).returns([-1])
        call(comprehensions.sign_flip, 0).returns([])

    @points(1)
    def test_random(self, comprehensions, rng):
        for _ in range(8):
            n = rng.randint(2, 60)
            call(comprehensions.sign_flip, n).returns([x if x % 2 == 0 else -x for x in range(1, n + 1)])


@exercise("lower_strings")
class TestLowerStringsHidden:
    @points(1)
    @hint(zh="不是字符串的元素要丢掉，不要原样保留，也不要用 str() 转换。",
          en="Drop the elements that are not strings: do not keep them, and do not convert them with str().")
    def test_drops_others(self, comprehensions):
        call(comprehensions.lower_strings, [1, 'A', None, 2.5, 'b']).returns(['a', 'b'])
        call(comprehensions.lower_strings, [18, None]).returns([])
        call(comprehensions.lower_strings, []).returns([])

    @points(2)
    def test_random(self, comprehensions, rng):
        for _ in range(8):
            items = [rng.choice(WORDS if rng.random() < 0.6 else OTHERS) for _ in range(rng.randint(0, 8))]
            call(comprehensions.lower_strings, items).returns([s.lower() for s in items if isinstance(s, str)])


@exercise("cross")
class TestCrossHidden:
    @points(1)
    @hint(zh="前面的 for 是外层：先固定 a 的第一个元素，配上 b 的所有元素。",
          en="The first for is the outer loop: fix the first element of a, then pair it with every element of b.")
    def test_lists_and_order(self, comprehensions):
        call(comprehensions.cross, ['x', 'y'], ['1', '2', '3']).returns(['x1', 'x2', 'x3', 'y1', 'y2', 'y3'])
        call(comprehensions.cross, 'AB', '').returns([])

    @points(2)
    def test_random(self, comprehensions, rng):
        for _ in range(6):
            a = [rng.choice('ABCDE') + rng.choice('fgh') for _ in range(rng.randint(1, 4))]
            b = [rng.choice('xyz') for _ in range(rng.randint(1, 4))]
            call(comprehensions.cross, a, b).returns([m + n for m in a for n in b])


@exercise("kv_pairs")
class TestKvPairsHidden:
    @points(1)
    @hint(zh="值是字符串时不要加引号：{'name': 'Bob'} 得到 'name=Bob'。= 两边没有空格。",
          en="No quotes around string values: {'name': 'Bob'} gives 'name=Bob'. No spaces around the =.")
    def test_string_values_and_empty(self, comprehensions):
        call(comprehensions.kv_pairs, {'name': 'Bob', 'city': '北京'}).returns(['name=Bob', 'city=北京'])
        call(comprehensions.kv_pairs, {}).returns([])

    @points(2)
    def test_random(self, comprehensions, rng):
        for _ in range(6):
            keys = rng.sample(['a', 'b', 'c', 'x', 'y', 'key', '名'], rng.randint(1, 5))
            d = {k: rng.choice([rng.randint(-99, 99), 1.5, 'v', None, True]) for k in keys}
            call(comprehensions.kv_pairs, d).returns([f'{k}={v}' for k, v in d.items()])
