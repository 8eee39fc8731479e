"""Public checks for lists: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, expect, fail, helper, points, public, sandbox_source, where

# A list passed through the sandbox is copied, so "was the argument changed?" and "is the result
# that same list?" are asked inside the child, where the student's function sees the real list.
PROBE = sandbox_source(__file__, "_sandbox_probe")


def probed(lists, fn, items, *args, name):
    label = f"{name}({', '.join(repr(a) for a in (items, *args))})"
    result, after, same_object = call(helper(lists, PROBE, "probe"), fn, items, *args).as_(label).result()
    return label, result, after, same_object


def at(fn):
    """The student's file and line of ``fn``, for a failure to point at."""
    loc = where(fn)
    return {"file": loc[0], "line": loc[1]} if loc else {}


def left_alone(label, before, after, same_object, fn):
    if after != before:
        fail(zh=f"调用 {label} 之后，传进去的列表变成了 {after!r}（应该仍是 {before!r}）：不要修改参数，要返回一个新列表。",
             en=f"after {label} the list passed in became {after!r} (it should still be {before!r}): "
                "do not change the argument, return a new list.", **at(fn))
    if same_object:
        fail(zh=f"{label} 返回的就是传进去的那个列表（应该是一个新列表）。",
             en=f"{label} returned the very list it was given (it should return a new list).", **at(fn))


@exercise("rotate")
class TestRotate:
    @public
    @points(2)
    def test_rotate_left(self, lists):
        call(lists.rotate, [1, 2, 3, 4, 5], 2).returns([3, 4, 5, 1, 2])
        call(lists.rotate, ['a', 'b', 'c'], 1).returns(['b', 'c', 'a'])

    @public
    @points(1)
    def test_zero_steps(self, lists):
        call(lists.rotate, [1, 2, 3], 0).returns([1, 2, 3])

    @public
    @points(1)
    def test_new_list_argument_unchanged(self, lists):
        for items, k in (([6, 7, 8], 1), (['p', 'q'], 0)):
            label, result, after, same_object = probed(lists, lists.rotate, items, k, name="rotate")
            expect(result, items[k:] + items[:k], call=label)
            left_alone(label, items, after, same_object, lists.rotate)


@exercise("move_to_front")
class TestMoveToFront:
    @public
    @points(2)
    def test_moves_value(self, lists):
        call(lists.move_to_front, ['a', 'b', 'c'], 'c').returns(['c', 'a', 'b'])
        call(lists.move_to_front, [1, 2, 3, 4], 3).returns([3, 1, 2, 4])

    @public
    @points(1)
    def test_absent_value(self, lists):
        call(lists.move_to_front, ['a', 'b'], 'z').raises(ValueError)

    @public
    @points(1)
    def test_first_copy_same_list(self, lists):
        items, value, expected = ['m', 'n', 'o', 'n'], 'n', ['n', 'm', 'o', 'n']
        label, result, after, same_object = probed(lists, lists.move_to_front, items, value, name="move_to_front")
        expect(result, expected, call=label)
        if not same_object:
            fail(zh=f"{label} 返回的不是传进去的那个列表（应该在原列表上修改并返回它本身）。",
                 en=f"{label} did not return the list it was given (it should change that list and return it).",
                 **at(lists.move_to_front))
        if after != expected:
            fail(zh=f"调用 {label} 之后，传进去的列表是 {after!r}，应该变成 {expected!r}。",
                 en=f"after {label} the list passed in is {after!r}; it should have become {expected!r}.",
                 **at(lists.move_to_front))


@exercise("dedupe")
class TestDedupe:
    @public
    @points(2)
    def test_keeps_first_in_order(self, lists):
        call(lists.dedupe, [3, 1, 3, 2, 1]).returns([3, 1, 2])

    @public
    @points(1)
    def test_no_duplicates(self, lists):
        call(lists.dedupe, ['b', 'a']).returns(['b', 'a'])
        call(lists.dedupe, []).returns([])

    @public
    @points(1)
    def test_argument_unchanged(self, lists):
        items = [5, 5, 6, 5]
        label, result, after, same_object = probed(lists, lists.dedupe, items, name="dedupe")
        expect(result, [5, 6], call=label)
        left_alone(label, items, after, same_object, lists.dedupe)
