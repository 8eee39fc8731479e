"""The trust boundary: everything that starts, talks to or kills the processes running student code.

The modules here are the trusted side: ``isolation`` (which walls the machine allows),
``forkserver`` (the client of a submission's fork server), ``topic`` (one topic's child),
``portable`` (the level that starts a fresh interpreter per topic), ``proctree`` (killing a
child's whole process tree), ``proxy`` (the stand-ins graders hold) and ``notes`` and
``digest``.  ``protocol`` is the wire format both sides speak.  The untrusted side is
``child/``, whose import chain is stdlib-only and free of side effects.  Nothing is imported
here, so that importing ``gradekit.sandbox.child`` costs a child nothing more.
"""
