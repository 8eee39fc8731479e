"""Public checks for dicts: counting, get with a default, swapping keys and values, the best score."""

from gradekit.grader import call, exercise, points, public

NOTES = {'Michael': 95, 'Bob': 75, 'Tracy': 85}


def exact(fn, name, *args):
    """A call labelled with the full repr of its arguments (dict order kept)."""
    return call(fn, *args).as_(f"{name}({', '.join(repr(a) for a in args)})")


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
