"""Hidden checks for serialization: tuples, sets and bytes surviving pickle, overwriting,
the __dict__ aliasing trap, argument order, Chinese without \\u escapes; random values
compared with a reference computed here."""

import json
import string

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, hint, points

shared = grader_module(__file__, "_tools")
TOOLS = shared.TOOLS
expect_json = shared.expect_json
expect_student = shared.expect_student
pickled = shared.pickled
tools = shared.tools


NAMES = ["Bob", "Lisa", "Adam", "Michael", "Tracy", "小明", "李雷", "韩梅梅", "王小二", "Zoë", "José"]


def random_scalar(rng):
    kind = rng.choice(["int", "float", "str", "bytes", "none", "bool"])
    if kind == "int":
        return rng.randint(-10**6, 10**6)
    if kind == "float":
        return round(rng.uniform(-1000, 1000), 3)
    if kind == "str":
        return "".join(rng.choice(string.ascii_letters + "中文你好 ") for _ in range(rng.randint(0, 8)))
    if kind == "bytes":
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 6)))
    if kind == "none":
        return None
    return rng.choice([True, False])


def random_value(rng, depth=0):
    if depth >= 2 or rng.random() < 0.3:
        return random_scalar(rng)
    kind = rng.choice(["list", "tuple", "dict", "set"])
    n = rng.randint(0, 4)
    if kind == "list":
        return [random_value(rng, depth + 1) for _ in range(n)]
    if kind == "tuple":
        return tuple(random_value(rng, depth + 1) for _ in range(n))
    if kind == "set":
        return {rng.randint(-50, 50) for _ in range(n)} | {rng.choice(["a", "b", "中"]) for _ in range(n // 2)}
    return {rng.choice(string.ascii_lowercase) + str(i): random_value(rng, depth + 1) for i in range(n)}


def random_student(rng):
    age = rng.randint(6, 30)
    score = rng.choice([s for s in range(0, 101) if s != age])
    return rng.choice(NAMES), age, score


@exercise("save_pickle")
class TestSavePickleHidden:
    @points(2)
    @hint(zh="pickle 能保存 tuple、set、bytes 等任意 Python 对象，JSON 不行：要用 pickle.dump 写 'wb' 文件。",
          en="pickle keeps tuples, sets, bytes and any Python object; JSON cannot: use pickle.dump on a 'wb' file.")
    def test_random_values(self, serialization, rng):
        for i in range(5):
            value = random_value(rng)
            call(serialization.save_pickle, value, f"v{i}.pkl").returns(None)
            pickled(serialization, f"v{i}.pkl", value, f"save_pickle({value!r}, 'v{i}.pkl')")

    @points(1)
    @hint(zh="用 'wb' 打开会先清空文件；'ab' 会把第二个对象接在后面，load 读到的还是第一个。",
          en="Opening with 'wb' empties the file first; 'ab' puts the second object after the first, and load still finds the first.")
    def test_overwrites(self, serialization):
        call(serialization.save_pickle, {"old": 1}, "state.pkl").result()
        call(serialization.save_pickle, ["new", 2], "state.pkl").result()
        pickled(serialization, "state.pkl", ["new", 2], "save_pickle({'old': 1}, 'state.pkl'); save_pickle(['new', 2], 'state.pkl')")


@exercise("load_pickle")
class TestLoadPickleHidden:
    @points(2)
    @hint(zh="用 'rb' 打开文件，return pickle.load(f)；f.read() 只是原始字节。",
          en="Open the file with 'rb' and return pickle.load(f); f.read() is only the raw bytes.")
    def test_random_values(self, serialization, rng):
        t = tools(serialization)
        for i in range(5):
            value = random_value(rng)
            t.write_pickle(f"v{i}.pkl", value)
            call(serialization.load_pickle, f"v{i}.pkl").as_(f"pickle.dump({value!r}, open('v{i}.pkl', 'wb')); load_pickle('v{i}.pkl')").returns(value)


@exercise("Student")
class TestStudentHidden:
    @points(2)
    @hint(zh="三个属性都要用 self.xxx = xxx 保存，参数顺序是 (name, age, score)。",
          en="Store all three with self.xxx = xxx; the parameter order is (name, age, score).")
    def test_random_students(self, serialization, rng):
        made = []
        for _ in range(4):
            values = random_student(rng)
            made.append((call(serialization.Student, *values).result(), values))
        # every object keeps its own values (checked after all of them exist)
        for s, values in made:
            for attr, want in zip(("name", "age", "score"), values):
                call(getattr, s, attr).as_(f"Student{values!r}.{attr}").returns(want)


@exercise("student2dict")
class TestStudent2dictHidden:
    @points(1)
    def test_random_students(self, serialization, rng):
        t = tools(serialization)
        for _ in range(4):
            name, age, score = random_student(rng)
            call(serialization.student2dict, t.Std(name, age, score)) \
                .as_(f"student2dict(Student({name!r}, {age}, {score}))") \
                .returns({"name": name, "age": age, "score": score})

    @points(2)
    @hint(zh="返回新建的 dict，不要返回 std.__dict__：改了返回的 dict，学生本身不应该跟着变。",
          en="Return a newly built dict, not std.__dict__: changing the returned dict must not change the student.")
    def test_new_dict(self, serialization):
        probe = helper(serialization, TOOLS + """
def probe(fn):
    s = Std('Bob', 20, 88)
    d = fn(s)
    try:
        d['score'] = 0
    except TypeError:
        pass
    return s.score
""", "probe")
        call(probe, serialization.student2dict) \
            .as_("s = Student('Bob', 20, 88); d = student2dict(s); d['score'] = 0; s.score").returns(88)


@exercise("dict2student")
class TestDict2studentHidden:
    @points(2)
    @hint(zh="Student 的参数顺序是 (name, age, score)：dict 里的 age 传给 age，score 传给 score。",
          en="Student takes (name, age, score): the dict's age goes to age and its score to score.")
    def test_random_dicts(self, serialization, rng):
        for _ in range(4):
            values = random_student(rng)
            d = dict(zip(("name", "age", "score"), values))
            label = f"dict2student({d!r})"
            obj = call(serialization.dict2student, d).as_(label).result()
            expect_student(serialization, obj, values, label)


@exercise("student_to_json")
class TestStudentToJsonHidden:
    @points(2)
    @hint(zh="json.dumps(..., ensure_ascii=False)：中文名字要原样出现在字符串里，不能有 \\u 转义。",
          en="json.dumps(..., ensure_ascii=False): Chinese names appear as they are, with no \\u escapes.")
    def test_random_students(self, serialization, rng):
        t = tools(serialization)
        for name in rng.sample([n for n in NAMES if not n.isascii()], 3) + [rng.choice(NAMES)]:
            age, score = rng.randint(6, 30), rng.randint(0, 100)
            label = f"student_to_json(Student({name!r}, {age}, {score}))"
            text = call(serialization.student_to_json, t.Std(name, age, score)).as_(label).result()
            expect_json(text, {"name": name, "age": age, "score": score}, label)
            if name not in text or "\\u" in text:
                fail(zh=f"{label} 返回 {text!r}：名字要原样出现，不要 \\u 转义（加 ensure_ascii=False）。",
                     en=f"{label} returned {text!r}: the name must appear as it is, with no \\u escapes (add ensure_ascii=False).")


@exercise("student_from_json")
class TestStudentFromJsonHidden:
    @points(2)
    @hint(zh="json.loads(text, object_hook=...)：object_hook 收到 dict，返回 Student(d['name'], d['age'], d['score'])。",
          en="json.loads(text, object_hook=...): the hook receives a dict and returns Student(d['name'], d['age'], d['score']).")
    def test_random_texts(self, serialization, rng):
        for _ in range(4):
            values = random_student(rng)
            items = list(zip(("name", "age", "score"), values))
            rng.shuffle(items)
            text = json.dumps(dict(items), ensure_ascii=rng.choice([True, False]), indent=rng.choice([None, 2]))
            label = f"student_from_json({text!r})"
            obj = call(serialization.student_from_json, text).as_(label).result()
            expect_student(serialization, obj, values, label)
