"""What the public and the hidden checks of special_methods share (released with the public graders: nothing secret)."""

from gradekit.grader import call, fail


def take(obj, label, limit=40):
    """Iterate ``obj`` like list() does, but stop after ``limit`` items."""
    it = call(iter, obj).as_(f"iter({label})").result()
    out = []
    while len(out) <= limit:
        try:
            out.append(next(it))
        except StopIteration:
            return out
    fail(zh=f"list({label}) 一直没有结束：超过 100000 之后要 raise StopIteration()",
         en=f"list({label}) never ends: raise StopIteration() once the numbers exceed 100000")
