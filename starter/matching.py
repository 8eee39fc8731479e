"""模式匹配 / Pattern matching -- see exercises/matching/README.md.

两个函数都必须用 match 语句来写（评分会检查）。
把每个 raise NotImplementedError 换成你的代码。

Both functions must be written with a match statement (the grader checks).
Replace each `raise NotImplementedError` with your code.
"""


def gcc(args):
    """解析命令行列表 args，返回一行文字：
    ['gcc'] -> 'gcc: missing source file(s).'
    ['gcc', 'a.c', 'b.c'] -> 'gcc compile: a.c, b.c'（一个或多个文件，用 ', ' 连接）
    ['clean'] -> 'clean'
    其他 -> 'invalid command.'

    Parse the command list args and return one line (see the examples above):
    one or more source files after 'gcc' are joined with ', '.
    """
    raise NotImplementedError


def score_comment(score):
    """按笔记里的五种情况返回对分数（整数）的评语：
    小于 10 -> 'score is less than 10.'
    等于 15 -> 'score is 15.'
    11 或 22 -> 'score is 11 or 22.'
    大于 60 且小于 100 -> 'score is greater than 60 and less than 100.'
    其他 -> 'score is other.'

    Return the comment on an integer score, the five cases of the notes (see above).
    """
    raise NotImplementedError
