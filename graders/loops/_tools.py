"""Tools for the loops graders, shared by the public and hidden checks (ships to students)."""

from gradekit.grader import sandbox_source

# Runs next to the student's code: a list that notes which indexes were read (the statement says
# first_negative must stop at once).
WATCH = sandbox_source(__file__, "_sandbox_watch")
