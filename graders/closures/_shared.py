"""What the public and the hidden checks of closures share (released with the public graders: nothing secret)."""

from gradekit.grader import fail, remote_callable, show


def need_function(value, label):
    """Fail unless ``value`` (what ``label`` gave) can be called."""
    if not remote_callable(value):
        fail(zh=f"{label} 应该是一个函数（返回函数本身，不要加括号调用它），实际是 {show(value)}",
             en=f"{label} should be a function (return the function itself, without calling it), but it is {show(value)}")
    return value
