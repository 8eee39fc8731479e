"""Hidden checks for iteration: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, helper, hint, points, sandbox_source

# Objects that cannot be sent as plain data are made next to the student's code.
SAMPLES = sandbox_source(__file__, "_hidden_sandbox_samples")
# how a message shows is_iterable(sample): the code that made the sample
SHOWN = {'range': "is_iterable(range(3))", 'generator': "is_iterable(gen())  # def gen(): yield 1",
         'map': "is_iterable(map(str, [1, 2]))", 'zip': "is_iterable(zip('ab', 'cd'))",
         'dict_items': "is_iterable({'a': 1}.items())", 'function': "is_iterable(len)",
         'class': "is_iterable(Plain)  # class Plain: pass"}


def sample(topic, kind):
    return call(helper(topic, SAMPLES, "sample"), kind).as_(kind).result()


@exercise("find_min_and_max")
class TestFindMinAndMaxHidden:
    @points(2)
    @hint(zh="不要用 0 作为最小值、最大值的起点：全是正数（或全是负数）时就错了。",
          en="Do not start the minimum and maximum at 0: it is wrong when all numbers are positive (or all negative).")
    def test_all_positive_or_negative(self, iteration):
        call(iteration.find_min_and_max, [5, 3, 8]).returns((3, 8))
        call(iteration.find_min_and_max, [-5, -3, -8]).returns((-8, -3))

    @points(1)
    @hint(zh="空列表要返回 (None, None) 这个 tuple，不是 None，也不要因为 L[0] 报错。",
          en="An empty list gives the tuple (None, None), not None, and must not crash on L[0].")
    def test_empty_gives_tuple(self, iteration):
        call(iteration.find_min_and_max, []).returns((None, None))

    @points(2)
    def test_random(self, iteration, rng):
        for _ in range(15):
            L = [rng.randint(-1000, 1000) for _ in range(rng.randint(1, 20))]
            call(iteration.find_min_and_max, L).returns((min(L), max(L)))
        for _ in range(5):
            L = [rng.uniform(1, 100) for _ in range(rng.randint(1, 10))]
            call(iteration.find_min_and_max, L).returns((min(L), max(L)))


@exercise("numbered")
class TestNumberedHidden:
    @points(2)
    @hint(zh="编号从参数 start 开始：enumerate(items, start)。", en="Numbering starts at the argument start: enumerate(items, start).")
    def test_start(self, iteration):
        call(iteration.numbered, ['a', 'b'], 0).returns(['0. a', '1. b'])
        call(iteration.numbered, ['x'], start=10).returns(['10. x'])

    @points(1)
    def test_empty_and_non_strings(self, iteration):
        call(iteration.numbered, []).returns([])
        call(iteration.numbered, [3.5, None, (1, 2)]).returns(['1. 3.5', '2. None', '3. (1, 2)'])

    @points(2)
    def test_random(self, iteration, rng):
        words = ['apple', 'Bob', '苹果', 'x y', '']
        for _ in range(8):
            items = [rng.choice(words) for _ in range(rng.randint(0, 6))]
            start = rng.randint(-3, 100)
            call(iteration.numbered, items, start).returns(
                [f'{i}. {item}' for i, item in enumerate(items, start)])


@exercise("is_iterable")
class TestIsIterableHidden:
    @points(2)
    @hint(zh="集合、字典、tuple、range、生成器都能被 for 循环：用 isinstance(obj, Iterable)。",
          en="Sets, dicts, tuples, ranges and generators can all be looped over: use isinstance(obj, Iterable).")
    def test_more_iterables(self, iteration):
        for value in ((1, 2), {1, 2}, {'a': 1}, b'ab', frozenset(), '', []):
            call(iteration.is_iterable, value).returns(True)
        for kind in ('range', 'generator', 'map', 'zip', 'dict_items'):
            call(iteration.is_iterable, sample(iteration, kind)).as_(SHOWN[kind]).returns(True)

    @points(1)
    def test_more_non_iterables(self, iteration):
        for value in (None, 1.5, True, 0):
            call(iteration.is_iterable, value).returns(False)
        for kind in ('function', 'class'):
            call(iteration.is_iterable, sample(iteration, kind)).as_(SHOWN[kind]).returns(False)
