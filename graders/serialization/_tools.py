"""Tools for the serialization graders, shared by the public and hidden checks (ships to students).

Loaded with ``gradekit.grader.grader_module``; nothing here is secret.
"""

import json

from gradekit.grader import call, expect, fail, helper, sandbox_source

# Runs in the sandbox child, next to the student's code.  Std is a stand-in with the
# three attributes of a Student, so the dict and JSON checks do not depend on the
# student's own Student class; Student results are compared with a Student built
# directly from the same values.
TOOLS = sandbox_source(__file__, "_sandbox_tools")


def tools(topic):
    return helper(topic, TOOLS, "Tools")


def pickled(topic, path, expected, after):
    status, value = tools(topic).read_pickle(path)
    if status == "missing":
        fail(zh=f"{after} 之后，文件 {path!r} 不存在。", en=f"after {after} there is no file {path!r}.")
    if status == "bad":
        fail(zh=f"{after} 之后，pickle.load 读不出文件 {path!r}（{value}）：要用 'wb' 打开文件，再 pickle.dump(obj, f)。",
             en=f"after {after}, pickle.load cannot read {path!r} ({value}): open the file with 'wb' and call pickle.dump(obj, f).")
    expect(value, expected, call=f"{after}; pickle.load(open({path!r}, 'rb'))")


def expect_student(topic, obj, values, label):
    """``obj`` must be a Student whose name, age, score are those of Student(*values)."""
    is_student, tname, got = tools(topic).describe(obj)
    if not is_student:
        fail(zh=f"{label} 应该返回一个 Student 对象，实际返回的是 {tname}。",
             en=f"{label} should return a Student object, but it returned a {tname}.")
    want = call(tools(topic).reference, *values).as_(f"Student{values!r}").result()
    expect(got, want, call=f"s = {label}; (s.name, s.age, s.score)")


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
