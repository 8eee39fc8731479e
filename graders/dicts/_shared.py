"""What the public and the hidden checks of dicts share (released with the public graders: nothing secret)."""

from gradekit.grader import sandbox_source

INVERT_PROBE = sandbox_source(__file__, "_sandbox_invert_probe")
