"""Watch mode: the screen and keys (``app``), the warm grading session (``session``), the list of exercises."""
