"""What the public and the hidden checks of properties share (released with the public graders: nothing secret)."""

from gradekit.grader import CheckFailure, Proxy, call, expect, show, type_name


def new(cls, label):
    obj = call(cls).as_(label).result()
    if not isinstance(obj, Proxy):
        raise CheckFailure("custom", zh=f"{label}：应该得到一个对象，实际得到了 {show(obj)}（Student 和 Screen 要写成 class）",
                           en=f"{label}: expected an object, got {show(obj)} (Student and Screen must be classes)")
    return obj


def put(obj, name, value, who):
    call(setattr, obj, name, value).as_(f"{who}.{name} = {value!r}").result()


def get(obj, name, expected, who, after=""):
    # What ran before, as code: a label says the same in every language.
    label = f"{after}; {who}.{name}" if after else f"{who}.{name}"
    value = call(getattr, obj, name).as_(label).result()
    if type_name(value) in ("method", "function"):
        raise CheckFailure("custom", zh=f"{who}.{name} 得到的是一个方法，不是数值：在 def {name} 上面加 @property",
                           en=f"{who}.{name} gave a method, not a number: put @property above def {name}")
    return expect(value, expected, call=label)


def rejects(obj, name, value, exc, message, who):
    label = f"{who}.{name} = {value!r}"
    try:
        return call(setattr, obj, name, value).as_(label).raises(exc, message)
    except CheckFailure as failure:
        if failure.detail.get("kind") != "no_raise":
            raise
    raise CheckFailure("custom", zh=f"{label} 应该抛出 {exc.__name__}，但赋值成功了",
                       en=f"{label} should raise {exc.__name__}, but the assignment went through")
