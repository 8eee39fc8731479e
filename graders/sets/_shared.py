"""What the public and the hidden checks of sets share (released with the public graders: nothing secret)."""

from gradekit.grader import sandbox_source

COUNT_PROBE = sandbox_source(__file__, "_sandbox_count_probe")
