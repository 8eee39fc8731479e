"""Hidden checks for slicing: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, expect, helper, hint, points, sandbox_source

LETTERS = 'abcdefghijklmnopqrstuvwxyzABCXYZ中文'

# Runs in the sandbox child: whether the caller's list was changed can only be seen there.
KEEPS = sandbox_source(__file__, "_hidden_sandbox_keeps")


def random_word(rng, lo=0, hi=8):
    return ''.join(rng.choice(LETTERS) for _ in range(rng.randint(lo, hi)))


def random_seq(rng, kind, lo=0, hi=12):
    items = [rng.randint(-99, 99) for _ in range(rng.randint(lo, hi))]
    if kind is str:
        return ''.join(rng.choice(LETTERS) for _ in items)
    return kind(items)


@exercise("trim")
class TestTrimHidden:
    @points(2)
    @hint(zh="字符串可能全是空格，甚至是空串。判断时用 s[:1] 和 s[-1:]，不要用 s[0] 和 s[-1]。",
          en="The string may be all spaces, or empty. Test s[:1] and s[-1:], not s[0] and s[-1].")
    def test_empty_and_blank(self, slicing):
        call(slicing.trim, '').returns('')
        call(slicing.trim, ' ').returns('')
        call(slicing.trim, '     ').returns('')

    @points(1)
    def test_inner_spaces_stay(self, slicing):
        call(slicing.trim, '  hello  world  ').returns('hello  world')
        call(slicing.trim, 'a b').returns('a b')

    @points(2)
    def test_random(self, slicing, rng):
        for _ in range(15):
            middle = ' '.join(random_word(rng, 1) for _ in range(rng.randint(1, 3)))
            s = ' ' * rng.randint(0, 4) + middle + ' ' * rng.randint(0, 4)
            call(slicing.trim, s).returns(s.strip(' '))


@exercise("every_other")
class TestEveryOtherHidden:
    @points(1)
    @hint(zh="切片会保持类型：tuple 切出来还是 tuple。", en="A slice keeps the type: slicing a tuple gives a tuple.")
    def test_tuple_and_empty(self, slicing):
        call(slicing.every_other, (10, 20, 30, 40)).returns((10, 30))
        call(slicing.every_other, ()).returns(())
        call(slicing.every_other, '').returns('')
        call(slicing.every_other, [7]).returns([7])

    @points(2)
    def test_random(self, slicing, rng):
        for kind in (list, tuple, str, list, str, tuple):
            seq = random_seq(rng, kind)
            call(slicing.every_other, seq).returns(seq[::2])


@exercise("last_n")
class TestLastNHidden:
    @points(2)
    @hint(zh="seq[-0:] 等于 seq[0:]，是整个序列。n == 0 时要返回空的、同类型的序列。",
          en="seq[-0:] equals seq[0:], the whole sequence. For n == 0 return an empty sequence of the same type.")
    def test_zero(self, slicing):
        call(slicing.last_n, [1, 2, 3], 0).returns([])
        call(slicing.last_n, 'abc', 0).returns('')
        call(slicing.last_n, (1, 2), 0).returns(())

    @points(1)
    @hint(zh="n 比长度还大时，len(seq) - n 是负数，切片会从后往前数，结果就错了。",
          en="When n exceeds the length, len(seq) - n is negative and the slice counts from the end: wrong result.")
    def test_more_than_length(self, slicing):
        call(slicing.last_n, [1, 2, 3], 5).returns([1, 2, 3])
        call(slicing.last_n, 'abc', 3).returns('abc')
        call(slicing.last_n, (1, 2, 3, 4), 7).returns((1, 2, 3, 4))

    @points(1)
    def test_negative(self, slicing):
        call(slicing.last_n, [1, 2, 3], -1).raises(ValueError)

    @points(2)
    def test_random(self, slicing, rng):
        for kind in (list, str, tuple, list, str, tuple):
            seq = random_seq(rng, kind, 1)
            n = rng.randint(0, len(seq) + 2)
            call(slicing.last_n, seq, n).returns(seq[len(seq) - n:] if n <= len(seq) else seq)


@exercise("reverse")
class TestReverseHidden:
    @points(1)
    @hint(zh="传进来的是 tuple 就返回 tuple，是 str 就返回 str。", en="A tuple in gives a tuple out; a str gives a str.")
    def test_tuple(self, slicing):
        call(slicing.reverse, (1, 2, 3)).returns((3, 2, 1))
        call(slicing.reverse, ('x',)).returns(('x',))

    @points(1)
    def test_empty(self, slicing):
        call(slicing.reverse, '').returns('')
        call(slicing.reverse, []).returns([])

    @points(2)
    def test_random(self, slicing, rng):
        for kind in (list, str, tuple, str, list, tuple):
            seq = random_seq(rng, kind, 1)
            call(slicing.reverse, seq).returns(seq[::-1])

    @points(1)
    @hint(zh="不要用 list.reverse()：它原地修改调用者的列表。切片 seq[::-1] 会得到一个新列表。",
          en="Do not use list.reverse(): it changes the caller's list in place. The slice seq[::-1] makes a new one.")
    def test_input_unchanged(self, slicing):
        call(slicing.reverse, [4, 5, 6]).returns([6, 5, 4])
        keeps = helper(slicing, KEEPS, "reverse_keeps")
        call(keeps, [1, 2, 3]).as_("L = [1, 2, 3]; reverse(L); L == [1, 2, 3]").returns(True)
