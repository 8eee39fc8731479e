"""gradekit: an auto-grading exercise kit with sandboxed pytest graders."""

__version__ = "0.1.0"
