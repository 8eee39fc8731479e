"""The trust boundary: everything that starts, talks to or kills the processes running student code.

Trusted modules live here (``topic``: one topic's child; ``portable``: the level
that starts a fresh interpreter per topic; ``proctree``: killing a child's whole
process tree); the untrusted side is ``child/``, whose import chain is stdlib-only
and free of side effects.  Nothing is imported here, so that importing
``gradekit.sandbox.child`` costs a child nothing more.  (The older flat modules,
``forkserver``, ``isolation``, ``protocol``, ``proxy`` and ``sandbox_child``, move
in here with the layout change of DESIGN.md section 10.)
"""
