"""What the public and the hidden checks of modules share (released with the public graders: nothing secret)."""

from gradekit.grader import sandbox_source

WITH_ARGV = sandbox_source(__file__, "_sandbox_with_argv")


def short(text, limit=120):
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "..."


def last_line(text):
    lines = text.splitlines()
    return lines[-1] if lines else ""
