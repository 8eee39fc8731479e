"""What the public and the hidden checks of lambdas share (released with the public graders: nothing secret)."""

from gradekit.grader import fail, sandbox_source, show, type_name

ON_A_COPY = sandbox_source(__file__, "_sandbox_on_a_copy")


def need_function(value, label):
    """``value`` must be a function (a proxy of one), not a number or anything else."""
    if type_name(value) != "function":
        fail(zh=f"{label} 应该返回一个函数（return lambda: ...，不要自己先算出结果），实际返回了 {show(value)}",
             en=f"{label} should return a function (return lambda: ..., do not compute the result yourself), "
                f"but it returned {show(value)}")
    return value
