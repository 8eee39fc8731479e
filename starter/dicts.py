"""字典 dict / Dictionaries -- see exercises/dicts/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def word_count(text):
    """按空白（空格、制表符、换行）拆分 text，返回 {单词: 出现次数} 的字典。

    Split text on whitespace (spaces, tabs, newlines) and return a dict {word: count}.
    """
    raise NotImplementedError


def score_of(scores, name, default=None):
    """返回 scores 字典里 name 的分数；没有这个名字时返回 default。

    Return name's score from the dict scores, or default when name is not in it.
    """
    raise NotImplementedError


def invert(d):
    """返回键和值对调的新字典 {值: 键}；两个键有相同的值时抛出 ValueError。不要修改 d。

    Return a new dict with keys and values swapped ({value: key}); raise ValueError
    when two keys share a value. Do not change d.
    """
    raise NotImplementedError


def top_student(scores):
    """返回分数最高的名字；同分时返回按字母顺序最靠前的名字；scores 为空时返回 None。

    Return the name with the highest score; on a tie the alphabetically first name;
    None when scores is empty.
    """
    raise NotImplementedError
