"""Tools for the threads graders, shared by the public and hidden checks (ships to students).

Loaded with ``gradekit.grader.grader_module``; nothing here is secret.
"""

from gradekit.grader import sandbox_source

# Runs in the sandbox child, appended to each grader's own helper source: a hammer that runs
# SafeCounter.increment from many threads at once, every opcode of the student's file yielding the CPU.
HAMMER = sandbox_source(__file__, "_sandbox_hammer")


def hammered(n, per):
    """What ``hammer(c, n, per)`` runs, written as code: a label is shown in both languages."""
    return f"c.value  # [Thread(target=lambda: [c.increment() for _ in range({per})]).start() for _ in range({n})]"
