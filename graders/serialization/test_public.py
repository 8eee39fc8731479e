"""Public checks for serialization: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, points, public

shared = grader_module(__file__, "_tools")
TOOLS = shared.TOOLS
expect_json = shared.expect_json
expect_student = shared.expect_student
pickled = shared.pickled
tools = shared.tools


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
        call(serialization.load_pickle, "dump.pkl").as_("pickle.dump({'name': 'Bob', 'age': 20, 'score': 88}, open('dump.pkl', 'wb')); load_pickle('dump.pkl')") \
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

    @public
    @points(1)
    def test_new_dict(self, serialization):
        # Bold in the statement: a new dict, so changing it leaves the student alone.
        probe = helper(serialization, TOOLS + """
def probe(fn):
    s = Std('Amy', 15, 71)
    d = fn(s)
    try:
        d['score'] = 0
    except TypeError:
        pass
    return s.score
""", "probe")
        call(probe, serialization.student2dict) \
            .as_("s = Student('Amy', 15, 71); d = student2dict(s); d['score'] = 0; s.score").returns(71)


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
