"""What the public and the hidden checks of partials share (released with the public graders: nothing secret)."""

from gradekit.grader import fail, show, type_name


def need_partial(value, label):
    """``value`` must be a functools.partial object."""
    if type_name(value) != "partial":
        fail(zh=f"{label} 应该是一个 functools.partial 对象（用 functools.partial(...) 造出来），"
                f"实际是 {type_name(value)}：{show(value)}",
             en=f"{label} should be a functools.partial object (made with functools.partial(...)), "
                f"but it is a {type_name(value)}: {show(value)}")
    return value
