"""Public checks for serialization: the simplest cases, shipped to students."""

import json

from gradekit.grader import call, exercise, expect, fail, helper, points, public

# Runs in the sandbox child, next to the student's code.  Std is a stand-in with the
# three attributes of a Student, so the dict and JSON checks do not depend on the
# student's own Student class; Student results are compared with a Student built
# directly from the same values.
TOOLS = '''
import pickle

MISSING = '<no such attribute>'


class Std:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


class Tools:
    Std = Std

    @staticmethod
    def write_pickle(path, obj):
        with open(path, 'wb') as f:
            pickle.dump(obj, f)

    @staticmethod
    def read_pickle(path):
        try:
            with open(path, 'rb') as f:
                return ['ok', pickle.load(f)]
        except FileNotFoundError:
            return ['missing', None]
        except Exception as exc:
            return ['bad', type(exc).__name__ + ': ' + str(exc)]

    @staticmethod
    def attrs(obj):
        return {k: getattr(obj, k, MISSING) for k in ('name', 'age', 'score')}

    @staticmethod
    def describe(obj):
        import serialization
        return [isinstance(obj, serialization.Student), type(obj).__name__, Tools.attrs(obj)]

    @staticmethod
    def reference(name, age, score):
        import serialization
        return Tools.attrs(serialization.Student(name, age, score))
'''


def tools(topic):
    return helper(topic, TOOLS, "Tools")


def pickled(topic, path, expected, after):
    status, value = tools(topic).read_pickle(path)
    if status == "missing":
        fail(zh=f"{after} 之后，文件 {path!r} 不存在。", en=f"after {after} there is no file {path!r}.")
    if status == "bad":
        fail(zh=f"{after} 之后，pickle.load 读不出文件 {path!r}（{value}）：要用 'wb' 打开文件，再 pickle.dump(obj, f)。",
             en=f"after {after}, pickle.load cannot read {path!r} ({value}): open the file with 'wb' and call pickle.dump(obj, f).")
    expect(value, expected, call=f"pickle.load(open({path!r}, 'rb'))  # after {after}")


def expect_student(topic, obj, values, label):
    """``obj`` must be a Student whose name, age, score are those of Student(*values)."""
    is_student, tname, got = tools(topic).describe(obj)
    if not is_student:
        fail(zh=f"{label} 应该返回一个 Student 对象，实际返回的是 {tname}。",
             en=f"{label} should return a Student object, but it returned a {tname}.")
    want = call(tools(topic).reference, *values).as_(f"Student{values!r}").result()
    expect(got, want, call=f"{label}  # name, age, score")


def expect_json(text, expected, label):
    if type(text) is not str:
        fail(zh=f"{label} 应该返回 str（JSON 字符串），实际返回的是 {type(text).__name__}。",
             en=f"{label} should return a str (a JSON string), but it returned a {type(text).__name__}.")
    try:
        parsed = json.loads(text)
    except ValueError:
        fail(zh=f"{label} 返回的 {text!r} 不是合法的 JSON（JSON 的字符串用双引号）：用 json.dumps 生成。",
             en=f"{label} returned {text!r}, which is not valid JSON (JSON strings use double quotes): build it with json.dumps.")
    expect(parsed, expected, call=f"json.loads({label})")


@exercise("save_pickle")
class TestSavePickle:
    @public
    @points(2)
    def test_notes_dict(self, serialization):
        d = dict(name="Bob", age=20, score=88)
        call(serialization.save_pickle, d, "dump.pkl").returns(None)
        pickled(serialization, "dump.pkl", d, "save_pickle({'name': 'Bob', 'age': 20, 'score': 88}, 'dump.pkl')")


@exercise("load_pickle")
class TestLoadPickle:
    @public
    @points(2)
    def test_notes_dict(self, serialization):
        d = dict(name="Bob", age=20, score=88)
        tools(serialization).write_pickle("dump.pkl", d)
        call(serialization.load_pickle, "dump.pkl").as_("load_pickle('dump.pkl')  # holds {'name': 'Bob', 'age': 20, 'score': 88}") \
            .returns(d)


@exercise("Student")
class TestStudent:
    @public
    @points(2)
    def test_attributes(self, serialization):
        s = call(serialization.Student, "Bob", 20, 88).result()
        for attr, want in (("name", "Bob"), ("age", 20), ("score", 88)):
            call(getattr, s, attr).as_(f"Student('Bob', 20, 88).{attr}").returns(want)


@exercise("student2dict")
class TestStudent2dict:
    @public
    @points(2)
    def test_bob(self, serialization):
        s = tools(serialization).Std("Bob", 20, 88)
        call(serialization.student2dict, s).as_("student2dict(Student('Bob', 20, 88))") \
            .returns({"name": "Bob", "age": 20, "score": 88})


@exercise("dict2student")
class TestDict2student:
    @public
    @points(2)
    def test_bob(self, serialization):
        label = "dict2student({'name': 'Bob', 'age': 20, 'score': 88})"
        obj = call(serialization.dict2student, {"name": "Bob", "age": 20, "score": 88}).as_(label).result()
        expect_student(serialization, obj, ("Bob", 20, 88), label)


@exercise("student_to_json")
class TestStudentToJson:
    @public
    @points(1)
    def test_bob(self, serialization):
        label = "student_to_json(Student('Bob', 20, 88))"
        text = call(serialization.student_to_json, tools(serialization).Std("Bob", 20, 88)).as_(label).result()
        expect_json(text, {"name": "Bob", "age": 20, "score": 88}, label)

    @public
    @points(1)
    def test_chinese_stays_readable(self, serialization):
        label = "student_to_json(Student('小明', 12, 95))"
        text = call(serialization.student_to_json, tools(serialization).Std("小明", 12, 95)).as_(label).result()
        expect_json(text, {"name": "小明", "age": 12, "score": 95}, label)
        if "小明" not in text:
            fail(zh=f"{label} 返回 {text!r}：中文要原样出现，不要 \\u 转义（加 ensure_ascii=False）。",
                 en=f"{label} returned {text!r}: Chinese must stay readable, without \\u escapes (add ensure_ascii=False).")


@exercise("student_from_json")
class TestStudentFromJson:
    @public
    @points(2)
    def test_bob(self, serialization):
        text = '{"name": "Bob", "age": 20, "score": 88}'
        label = f"student_from_json({text!r})"
        obj = call(serialization.student_from_json, text).as_(label).result()
        expect_student(serialization, obj, ("Bob", 20, 88), label)
