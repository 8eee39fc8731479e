"""Hidden checks for sets: repeats, unsorted and mixed inputs, an unchanged argument, random inputs."""

from gradekit.grader import call, exercise, fail, grader_module, helper, hint, points

COUNT_PROBE = grader_module(__file__, "_shared").COUNT_PROBE

WORDS = ["apple", "pear", "Apple", "fig", "kiwi", "plum", "猫", "狗"]

# Runs next to the student's code: count a list built there and hand back the list afterwards too.


def exact(fn, name, *args):
    """A call labelled with the full repr of its arguments (long lists are not shortened)."""
    return call(fn, *args).as_(f"{name}({', '.join(repr(a) for a in args)})")


def random_items(rng, low=-5, high=10, most=8):
    return [rng.randint(low, high) for _ in range(rng.randint(0, most))]


@exercise("unique_count")
class TestUniqueCountHidden:
    @points(1)
    @hint(zh="“不同的元素有几个”，不是“只出现一次的元素有几个”：[1, 1, 2] 有 2 个不同的元素。",
          en="How many different items, not how many appear only once: [1, 1, 2] has 2 different items.")
    def test_strings_and_repeats(self, sets):
        call(sets.unique_count, ['a', 'A', 'a', 'b']).returns(3)
        call(sets.unique_count, [7, 7, 7]).returns(1)
        call(sets.unique_count, (3, 1, 3)).returns(2)

    @points(1)
    @hint(zh="不要排序或修改传进来的列表；len(set(items)) 就够了。",
          en="Do not sort or change the list you are given; len(set(items)) is all it takes.")
    def test_input_unchanged(self, sets):
        probe = helper(sets, COUNT_PROBE, "probe")
        items = [3, 1, 3, 2, 1]
        count, after = call(probe, list(items)).as_(f"unique_count({items!r})").result()
        if after != items:
            fail(zh=f"unique_count({items!r}) 修改了传进来的列表：调用之后它变成了 {after!r}。不要修改参数。",
                 en=f"unique_count({items!r}) changed the list it was given: afterwards it was {after!r}. "
                    "Leave the argument alone.")
        if count != 3:
            fail(zh=f"unique_count({items!r}) 应该返回 3，实际返回 {count!r}",
                 en=f"unique_count({items!r}) should return 3, got {count!r}")

    @points(2)
    def test_random(self, sets, rng):
        for _ in range(15):
            items = random_items(rng)
            exact(sets.unique_count, 'unique_count', items).returns(len(set(items)))


@exercise("common")
class TestCommonHidden:
    @points(1)
    @hint(zh="先把两边都变成集合，用 & 求交集，再用 sorted() 排序：sorted() 返回的就是 list。",
          en="Turn both sides into sets, intersect them with &, then sort with sorted(): sorted() returns a list.")
    def test_repeats_and_order(self, sets):
        call(sets.common, [5, 3, 3, 1, 2], [3, 3, 2, 5]).returns([2, 3, 5])
        call(sets.common, {'pear', 'fig', 'apple'}, ['fig', 'apple', 'kiwi']).returns(['apple', 'fig'])

    @points(1)
    def test_empty(self, sets):
        call(sets.common, [], [1, 2]).returns([])

    @points(2)
    def test_random(self, sets, rng):
        for _ in range(15):
            a, b = random_items(rng), random_items(rng)
            exact(sets.common, 'common', a, b).returns(sorted(set(a) & set(b)))


@exercise("diff_report")
class TestDiffReportHidden:
    @points(1)
    @hint(zh="顺序是 (新增的, 删除的)：新增 = new - old，删除 = old - new；两个都用 sorted() 变成 list。",
          en="The order is (added, removed): added = new - old, removed = old - new; turn both into lists with sorted().")
    def test_repeats_and_order(self, sets):
        call(sets.diff_report, [3, 3, 1], [5, 4, 4, 5]).returns(([4, 5], [1, 3]))
        call(sets.diff_report, {'fig', 'kiwi'}, {'kiwi', 'apple'}).returns((['apple'], ['fig']))

    @points(1)
    def test_one_side_empty(self, sets):
        call(sets.diff_report, [], [2, 1]).returns(([1, 2], []))
        call(sets.diff_report, [2, 1], []).returns(([], [1, 2]))

    @points(2)
    def test_random(self, sets, rng):
        for _ in range(15):
            if rng.random() < 0.5:
                old, new = random_items(rng), random_items(rng)
            else:
                old = rng.sample(WORDS, rng.randint(0, 5))
                new = rng.sample(WORDS, rng.randint(0, 5))
            expected = (sorted(set(new) - set(old)), sorted(set(old) - set(new)))
            exact(sets.diff_report, 'diff_report', old, new).returns(expected)
