"""Hidden checks for matching: one source file, near-miss commands, boundaries, random inputs."""

from gradekit.grader import call, exercise, hint, points

NAMES = ["main.c", "hello.c", "world.c", "util.c", "a.c", "b.c", "io.c", "math.c", "x.c"]


def ref_gcc(args):
    if args == ['gcc']:
        return 'gcc: missing source file(s).'
    if len(args) >= 2 and args[0] == 'gcc':
        return 'gcc compile: ' + ', '.join(args[1:])
    if args == ['clean']:
        return 'clean'
    return 'invalid command.'


def ref_score(score):
    if score < 10:
        return 'score is less than 10.'
    if score == 15:
        return 'score is 15.'
    if score in (11, 22):
        return 'score is 11 or 22.'
    if 60 < score < 100:
        return 'score is greater than 60 and less than 100.'
    return 'score is other.'


@exercise("gcc")
class TestGccHidden:
    @points(2)
    @hint(zh="只有一个文件时不能多出 ', '：把所有文件放进一个列表再用 ', '.join(...) 连接（笔记里的写法在这里有错）。",
          en="With one file there must be no trailing ', ': put all files in one list and join it with ', '.join(...) "
             "(the notes get this wrong).")
    def test_one_file(self, matching):
        call(matching.gcc, ['gcc', 'a.c']).returns('gcc compile: a.c')
        call(matching.gcc, ['gcc', 'hello.c']).returns('gcc compile: hello.c')

    @points(1)
    def test_many_files(self, matching):
        files = ['a.c', 'b.c', 'c.c', 'd.c']
        call(matching.gcc, ['gcc', *files]).returns('gcc compile: a.c, b.c, c.c, d.c')

    @points(1)
    @hint(zh="case ['clean'] 只匹配恰好一个元素的列表；空列表、多了参数、大小写不同都算 'invalid command.'。",
          en="case ['clean'] matches a one-element list only; an empty list, extra words or other capitals are "
             "all 'invalid command.'.")
    def test_invalid_commands(self, matching):
        for args in ([], ['clean', 'all'], ['GCC', 'a.c'], ['make', 'all'], ['a.c', 'gcc'], ['cleanup']):
            call(matching.gcc, args).returns('invalid command.')

    @points(2)
    def test_random_commands(self, matching, rng):
        for _ in range(25):
            head = rng.choice([['gcc'], ['gcc'], ['clean'], ['make'], [], ['cc']])
            args = head + rng.sample(NAMES, rng.randint(0, 4))
            call(matching.gcc, args).returns(ref_gcc(args))


@exercise("score_comment")
class TestScoreCommentHidden:
    @points(1)
    def test_twenty_two(self, matching):
        call(matching.score_comment, 22).returns('score is 11 or 22.')

    @points(2)
    @hint(zh="看清楚边界：x < 10 不包括 10；x > 60 and x < 100 不包括 60 和 100，它们都是 'score is other.'。",
          en="Mind the edges: x < 10 leaves out 10; x > 60 and x < 100 leaves out 60 and 100: "
             "they are all 'score is other.'.")
    def test_boundaries(self, matching):
        for score in (9, 10, 60, 61, 99, 100, 0, -5, 12, 16):
            call(matching.score_comment, score).returns(ref_score(score))

    @points(2)
    def test_random_scores(self, matching, rng):
        for _ in range(40):
            score = rng.randint(-50, 150)
            call(matching.score_comment, score).returns(ref_score(score))
