"""Hidden checks for dicts: odd whitespace, a score of 0, unchanged input, ties, random dicts."""

from gradekit.grader import call, exercise, fail, grader_module, helper, hint, points

INVERT_PROBE = grader_module(__file__, "_shared").INVERT_PROBE

WORDS = ["apple", "pear", "Apple", "fig", "kiwi", "plum", "a", "I", "是", "猫"]
SPACES = [" ", "  ", "\t", "\n", " \n ", "   "]
NAMES = ["Adam", "Bob", "Cathy", "Dave", "Eve", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Lisa", "Mike"]

# Runs next to the student's code: invert a dict built there and hand back the dict afterwards too.


def exact(fn, name, *args):
    """A call labelled with the full repr of its arguments (dict order kept, nothing shortened)."""
    return call(fn, *args).as_(f"{name}({', '.join(repr(a) for a in args)})")


def ref_word_count(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def ref_top(scores):
    if not scores:
        return None
    best = max(scores.values())
    return min(name for name, score in scores.items() if score == best)


@exercise("word_count")
class TestWordCountHidden:
    @points(1)
    @hint(zh="用不带参数的 text.split()：它按任意空白拆分，并且不会产生空字符串。",
          en="Use text.split() with no argument: it splits on any run of whitespace and never yields empty strings.")
    def test_odd_whitespace(self, dicts):
        call(dicts.word_count, "  a\tb\n\na  ").returns({'a': 2, 'b': 1})
        call(dicts.word_count, "x  y   x").returns({'x': 2, 'y': 1})

    @points(1)
    def test_empty_and_case(self, dicts):
        call(dicts.word_count, "").returns({})
        call(dicts.word_count, "   ").returns({})
        call(dicts.word_count, "The the THE the").returns({'The': 1, 'the': 2, 'THE': 1})

    @points(2)
    def test_random(self, dicts, rng):
        for _ in range(10):
            pool = rng.sample(WORDS, rng.randint(1, 6))  # at most 6 keys: reports show dicts in full
            words = [rng.choice(pool) for _ in range(rng.randint(0, 15))]
            text = rng.choice(["", " "]) + "".join(w + rng.choice(SPACES) for w in words)
            exact(dicts.word_count, 'word_count', text).returns(ref_word_count(text))


@exercise("score_of")
class TestScoreOfHidden:
    @points(2)
    @hint(zh="0 分也是分数：用 scores.get(name, default)，不要写 scores.get(name) or default。",
          en="0 is a score too: use scores.get(name, default), not scores.get(name) or default.")
    def test_zero_score(self, dicts):
        call(dicts.score_of, {'Bob': 0, 'Eve': 88}, 'Bob', 60).returns(0)
        call(dicts.score_of, {'Bob': 0}, 'Bob').returns(0)

    @points(1)
    def test_default_by_keyword(self, dicts):
        call(dicts.score_of, {'Eve': 88}, 'Adam', default=-1).returns(-1)
        call(dicts.score_of, {}, 'Adam').returns(None)

    @points(1)
    def test_random(self, dicts, rng):
        for _ in range(10):
            scores = {n: rng.randint(0, 100) for n in rng.sample(NAMES, rng.randint(0, 6))}
            name = rng.choice(NAMES)
            default = rng.choice([None, 0, -1, 59])
            exact(dicts.score_of, 'score_of', scores, name, default).returns(scores.get(name, default))


@exercise("invert")
class TestInvertHidden:
    @points(1)
    @hint(zh="新建一个字典来装结果，只读 d（for key, value in d.items()），不要 pop 或修改它。",
          en="Build the result in a new dict and only read d (for key, value in d.items()); do not pop from it "
             "or change it.")
    def test_input_unchanged(self, dicts):
        probe = helper(dicts, INVERT_PROBE, "probe")
        d = {'x': 10, 'y': 20, 'z': 30}
        result, after = call(probe, dict(d)).as_(f"invert({d!r})").result()
        if after != d:
            fail(zh=f"invert({d!r}) 修改了传进来的字典：调用之后它变成了 {after!r}。不要修改参数。",
                 en=f"invert({d!r}) changed the dict it was given: afterwards it was {after!r}. "
                    "Leave the argument alone.")
        if result != {10: 'x', 20: 'y', 30: 'z'}:
            fail(zh=f"invert({d!r}) 应该返回 {{10: 'x', 20: 'y', 30: 'z'}}，实际返回 {result!r}",
                 en=f"invert({d!r}) should return {{10: 'x', 20: 'y', 30: 'z'}}, got {result!r}")

    @points(2)
    def test_random(self, dicts, rng):
        for _ in range(10):
            keys = rng.sample(NAMES, rng.randint(0, 6))
            values = rng.sample(range(100), len(keys))
            d = dict(zip(keys, values))
            exact(dicts.invert, 'invert', d).returns({v: k for k, v in d.items()})

    @points(1)
    @hint(zh="每放一个值之前先看它是不是已经在结果字典里了（value in result）。",
          en="Before storing a value, check whether it is already in the result dict (value in result).")
    def test_random_duplicates(self, dicts, rng):
        for _ in range(5):
            keys = rng.sample(NAMES, rng.randint(2, 8))
            values = rng.sample(range(100), len(keys))
            i, j = rng.sample(range(len(keys)), 2)
            values[j] = values[i]
            exact(dicts.invert, 'invert', dict(zip(keys, values))).raises(ValueError)


@exercise("top_student")
class TestTopStudentHidden:
    @points(2)
    @hint(zh="同分时比较名字：名字更小（按字母顺序更靠前）的胜出。max(scores, key=scores.get) 只会拿到先出现的那个。",
          en="On a tie compare the names: the smaller (alphabetically first) wins. max(scores, key=scores.get) "
             "just takes the one that came first.")
    def test_ties(self, dicts):
        exact(dicts.top_student, 'top_student', {'Tracy': 90, 'Bob': 75, 'Adam': 90}).returns('Adam')
        exact(dicts.top_student, 'top_student', {'Mike': 80, 'Lisa': 80, 'Eve': 80}).returns('Eve')

    @points(1)
    @hint(zh="不要从 0 开始比较：0 分和负分也可能是最高分。从第一个学生开始比。",
          en="Do not start comparing from 0: a zero or negative score can be the highest. Start from the first student.")
    def test_zero_and_negative(self, dicts):
        call(dicts.top_student, {'Bob': 0}).returns('Bob')
        call(dicts.top_student, {'Bob': -5, 'Eve': -2}).returns('Eve')

    @points(2)
    def test_random(self, dicts, rng):
        for _ in range(15):
            scores = {n: rng.randint(-2, 4) for n in rng.sample(NAMES, rng.randint(0, 8))}
            exact(dicts.top_student, 'top_student', scores).returns(ref_top(scores))
