"""Public checks for dicts: counting, get with a default, swapping keys and values, the best score."""

from gradekit.grader import call, exercise, fail, grader_module, helper, points, public, where

INVERT_PROBE = grader_module(__file__, "_shared").INVERT_PROBE

# A dict passed through the sandbox is copied: whether invert changed it is seen in the child.

NOTES = {'Michael': 95, 'Bob': 75, 'Tracy': 85}


def exact(fn, name, *args):
    """A call labelled with the full repr of its arguments (dict order kept)."""
    return call(fn, *args).as_(f"{name}({', '.join(repr(a) for a in args)})")


def at(fn):
    """The student's file and line of ``fn``, for a failure to point at."""
    loc = where(fn)
    return {"file": loc[0], "line": loc[1]} if loc else {}


@exercise("word_count")
class TestWordCount:
    @public
    @points(2)
    def test_sentence(self, dicts):
        call(dicts.word_count, "the cat and the hat").returns({'the': 2, 'cat': 1, 'and': 1, 'hat': 1})


@exercise("score_of")
class TestScoreOf:
    @public
    @points(1)
    def test_present(self, dicts):
        exact(dicts.score_of, 'score_of', NOTES, 'Bob').returns(75)

    @public
    @points(1)
    def test_missing(self, dicts):
        exact(dicts.score_of, 'score_of', NOTES, 'Adam').returns(None)

    @public
    @points(1)
    def test_zero_is_a_score(self, dicts):
        # The statement's "pay attention" note: d.get(k) or default loses a stored 0.
        exact(dicts.score_of, 'score_of', {'Ann': 0}, 'Ann', 50).returns(0)
        exact(dicts.score_of, 'score_of', NOTES, 'Adam', 60).returns(60)


@exercise("invert")
class TestInvert:
    @public
    @points(1)
    def test_swap(self, dicts):
        call(dicts.invert, {'a': 1, 'b': 2}).returns({1: 'a', 2: 'b'})

    @public
    @points(1)
    def test_duplicate_value(self, dicts):
        call(dicts.invert, {'a': 1, 'b': 1}).raises(ValueError)

    @public
    @points(1)
    def test_argument_unchanged(self, dicts):
        d = {'k': 7, 'm': 8}
        result, after = call(helper(dicts, INVERT_PROBE, "probe"), dict(d)).as_(f"invert({d!r})").result()
        if after != d:
            fail(zh=f"调用 invert({d!r}) 之后，传进去的字典变成了 {after!r}（应该仍是 {d!r}）：不要修改参数。",
                 en=f"after invert({d!r}) the dict passed in became {after!r} (it should still be {d!r}): "
                    "leave the argument alone.", **at(dicts.invert))
        if result != {7: 'k', 8: 'm'}:
            fail(zh=f"调用 invert({d!r})：应该返回 {{7: 'k', 8: 'm'}}，实际返回 {result!r}。",
                 en=f"called invert({d!r}): expected {{7: 'k', 8: 'm'}}, got {result!r}.")


@exercise("top_student")
class TestTopStudent:
    @public
    @points(2)
    def test_notes_scores(self, dicts):
        exact(dicts.top_student, 'top_student', NOTES).returns('Michael')

    @public
    @points(1)
    def test_empty(self, dicts):
        call(dicts.top_student, {}).returns(None)
