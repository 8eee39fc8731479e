"""序列化：pickle 和 JSON / Serialization: pickle and JSON -- see exercises/serialization/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

import json
import pickle


def save_pickle(obj, path):
    """用 pickle 把 obj 保存到文件 path（覆盖原有内容），不返回任何东西。

    Save obj to the file at path with pickle (replacing what was there); return nothing.
    """
    raise NotImplementedError


def load_pickle(path):
    """读出文件 path 里用 pickle 保存的对象并返回它。

    Load and return the object pickled in the file at path.
    """
    raise NotImplementedError


class Student(object):
    """学生：有 name、age、score 三个属性。

    A student with the attributes name, age and score.
    """

    def __init__(self, name, age, score):
        """把 name、age、score 存到对象上（self.name、self.age、self.score）。

        Store name, age and score on the object (self.name, self.age, self.score).
        """
        raise NotImplementedError


def student2dict(std):
    """返回一个新的 dict：{'name': ..., 'age': ..., 'score': ...}。

    Return a new dict {'name': ..., 'age': ..., 'score': ...} of std's attributes.
    """
    raise NotImplementedError


def dict2student(d):
    """用 d['name']、d['age']、d['score'] 创建并返回一个 Student。

    Create and return a Student from d['name'], d['age'] and d['score'].
    """
    raise NotImplementedError


def student_to_json(std):
    """返回 std 的 JSON 字符串（name、age、score 三个键），中文原样保留，不要 \\u 转义。

    Return std as a JSON string (keys name, age, score); Chinese characters stay
    readable, with no \\u escapes.
    """
    raise NotImplementedError


def student_from_json(text):
    """把 JSON 字符串 text（一个有 name、age、score 的对象）变成一个 Student 返回。

    Turn the JSON string text (an object with name, age and score) into a Student.
    """
    raise NotImplementedError
