"""Hidden checks for lists: edges, traps (mutation, aliasing) and seeded random inputs.

A list passed through the sandbox is copied, so "was the input changed?" and
"is the result the same list?" are asked inside the child by the probes below.
"""

from gradekit.grader import call, exercise, expect, fail, helper, hint, points, sandbox_source

PROBES = sandbox_source(__file__, "_hidden_sandbox_probes")


def run_probe(module, fn, items, *args, name):
    label = f"{name}({', '.join(repr(a) for a in (items, *args))})"
    probe = helper(module, PROBES, "probe")
    result, after, same_object = call(probe, fn, items, *args).as_(label).result()
    return label, result, after, same_object


def reference_rotate(items, k):
    if not items:
        return []
    k %= len(items)
    return items[k:] + items[:k]


def reference_move(items, value):
    items = list(items)
    items.remove(value)
    return [value] + items


def reference_dedupe(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def unchanged(label, before, after):
    if after != before:
        fail(zh=f"调用 {label} 之后，传进去的列表变成了 {after!r}：不要修改参数，要返回一个新列表",
             en=f"after {label} the list passed in became {after!r}: do not change the argument, return a new list")


@exercise("rotate")
class TestRotateHidden:
    @points(2)
    @hint(zh="k 可能比列表长，也可能是负数（负数表示向右转）。用 k % len(items)。",
          en="k may be larger than the list or negative (negative turns right). Use k % len(items).")
    def test_large_and_negative_k(self, lists):
        call(lists.rotate, [1, 2, 3, 4, 5], 7).returns([3, 4, 5, 1, 2])
        call(lists.rotate, [1, 2, 3, 4, 5], -1).returns([5, 1, 2, 3, 4])
        call(lists.rotate, [1, 2, 3], 3).returns([1, 2, 3])
        call(lists.rotate, [1, 2, 3], -7).returns([3, 1, 2])

    @points(1)
    @hint(zh="空列表转几次都还是空列表，但 k % 0 会出错。", en="An empty list rotates to an empty list, but k % 0 fails.")
    def test_empty(self, lists):
        call(lists.rotate, [], 3).returns([])
        call(lists.rotate, [], 0).returns([])

    @points(2)
    @hint(zh="不要用 pop / append / insert 改动传进来的列表；切片拼接会得到新列表。",
          en="Do not pop / append / insert on the list you were given; slicing and + build a new list.")
    def test_input_not_mutated(self, lists):
        for items, k in (([1, 2, 3, 4], 1), (['x', 'y', 'z'], 5), ([9, 8], -1)):
            label, result, after, _ = run_probe(lists, lists.rotate, items, k, name="rotate")
            expect(result, reference_rotate(items, k), call=label)
            unchanged(label, items, after)

    @points(1)
    @hint(zh="即使不用移动（k 为 0 或等于长度），也要返回一个新列表，而不是原来那个。",
          en="Even when nothing moves (k is 0 or the length), return a new list, not the one you were given.")
    def test_returns_new_list(self, lists):
        for items, k in (([1, 2, 3], 0), ([1, 2, 3], 3), ([4, 5], 1)):
            label, result, after, same_object = run_probe(lists, lists.rotate, items, k, name="rotate")
            expect(result, reference_rotate(items, k), call=label)
            if same_object:
                fail(zh=f"{label} 返回的就是传进去的那个列表，应该返回一个新列表",
                     en=f"{label} returned the very list it was given; return a new list")

    @points(2)
    def test_random(self, lists, rng):
        for _ in range(20):
            items = [rng.randint(0, 99) for _ in range(rng.randint(1, 10))]
            k = rng.randint(-25, 25)
            call(lists.rotate, items, k).returns(reference_rotate(items, k))


@exercise("move_to_front")
class TestMoveToFrontHidden:
    @points(2)
    @hint(zh="要修改传进来的那个列表本身，并返回它（不是一个新列表）。",
          en="Change the very list you were given and return it (not a new list).")
    def test_same_list_is_changed_and_returned(self, lists):
        for items, value in ((['a', 'b', 'c'], 'b'), ([1, 2, 3], 1), ([5, 6, 7, 8], 8)):
            label, result, after, same_object = run_probe(lists, lists.move_to_front, items, value, name="move_to_front")
            expected = reference_move(items, value)
            expect(result, expected, call=label)
            if not same_object:
                fail(zh=f"{label} 返回的不是传进去的那个列表：要在原列表上修改并把它返回",
                     en=f"{label} did not return the list it was given: change that list and return it")
            if after != expected:
                fail(zh=f"调用 {label} 之后，传进去的列表是 {after!r}，应该变成 {expected!r}",
                     en=f"after {label} the list passed in is {after!r}; it should have become {expected!r}")

    @points(1)
    @hint(zh="list.insert 返回 None；插入之后要 return 列表本身。", en="list.insert returns None; return the list itself after inserting.")
    def test_returns_the_list(self, lists):
        call(lists.move_to_front, ['x', 'y'], 'y').returns(['y', 'x'])

    @points(2)
    @hint(zh="只移动第一个等于 value 的元素，其余重复的留在原处。",
          en="Move only the first element equal to value; other copies stay where they are.")
    def test_duplicates(self, lists):
        call(lists.move_to_front, [1, 2, 3, 2, 4], 2).returns([2, 1, 3, 2, 4])
        call(lists.move_to_front, ['a', 'a'], 'a').returns(['a', 'a'])

    @points(2)
    @hint(zh="value 不在列表里时要抛出 ValueError，并且列表保持不变。",
          en="When value is not in the list, raise ValueError and leave the list unchanged.")
    def test_absent_raises_and_keeps_list(self, lists):
        call(lists.move_to_front, [], 1).raises(ValueError)
        for items, value in (([1, 2, 3], 4), (['a', 'b'], 'A')):
            label = f"move_to_front({items!r}, {value!r})"
            probe = helper(lists, PROBES, "probe_raises")
            raised, after = call(probe, lists.move_to_front, items, value).as_(label).result()
            if not raised:
                fail(zh=f"调用 {label} 应该抛出 ValueError，但没有", en=f"calling {label} should raise ValueError, but it did not")
            if after != items:
                fail(zh=f"{label} 抛出 ValueError 之后，列表变成了 {after!r}，应该保持 {items!r}",
                     en=f"after {label} raised ValueError the list became {after!r}; it should stay {items!r}")

    @points(1)
    def test_random(self, lists, rng):
        for _ in range(20):
            items = [rng.randint(0, 9) for _ in range(rng.randint(1, 10))]
            value = rng.choice(items)
            call(lists.move_to_front, items, value).returns(reference_move(items, value))


@exercise("dedupe")
class TestDedupeHidden:
    @points(2)
    @hint(zh="set 不保证顺序，结果要按每个值第一次出现的顺序排列。",
          en="A set does not keep order: the result lists each value in the order it first appears.")
    def test_order_of_first_occurrence(self, lists):
        call(lists.dedupe, [5, 4, 5, 3, 4, 9]).returns([5, 4, 3, 9])
        call(lists.dedupe, ['b', 'a', 'b', 'c', 'a']).returns(['b', 'a', 'c'])
        call(lists.dedupe, [(1, 2), (1, 2), (2, 1)]).returns([(1, 2), (2, 1)])

    @points(2)
    @hint(zh="不要在原列表上删除元素：新建一个列表返回。", en="Do not delete from the original list: build and return a new one.")
    def test_input_not_mutated(self, lists):
        for items in ([1, 1, 2, 2, 1], ['q', 'q'], [7, 8, 9]):
            label, result, after, same_object = run_probe(lists, lists.dedupe, items, name="dedupe")
            expect(result, reference_dedupe(items), call=label)
            unchanged(label, items, after)
            if same_object:
                fail(zh=f"{label} 返回的就是传进去的那个列表，应该返回一个新列表",
                     en=f"{label} returned the very list it was given; return a new list")

    @points(2)
    def test_random(self, lists, rng):
        for _ in range(20):
            pool = rng.sample(range(100), rng.randint(1, 8))
            items = [rng.choice(pool) for _ in range(rng.randint(0, 15))]
            call(lists.dedupe, items).returns(reference_dedupe(items))
