"""A student script in a fresh interpreter: ``python -I -B -m gradekit.sandbox.child.scripts CONFIG``.

The portable level has no fork to copy a topic's child with, so a script run
(``op_script``) starts this module instead, which runs the student's file as
``__main__`` with the topic's sources importable, exactly as the forked copy
does.  Started by a topic's child (untrusted), it inherits that child's limits,
environment and process group, and is as untrusted as the script it runs.
"""

import io
import json
import os
import runpy
import sys
import traceback


def run_as_main(script, argv):
    """Run ``script`` as ``python SCRIPT ARGV`` would, in this process; returns its exit code."""
    sys.argv = [os.path.basename(script), *argv]
    code = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int) and exc.code is not None:
            print(exc.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    return code


def script_stdio():
    """UTF-8 standard streams with LF line ends on every platform, as the graders compare them."""
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", newline="\n",
                                  line_buffering=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", newline="\n",
                                  line_buffering=True)


def main():
    config = json.loads(sys.argv[1])
    sys.path[0:0] = [config["src"]]
    sys.dont_write_bytecode = True
    script_stdio()
    os._exit(run_as_main(config["script"], config["argv"]))


if __name__ == "__main__":
    main()
