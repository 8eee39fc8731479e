"""A student script in a fresh interpreter: ``python -I -B -m gradekit.sandbox.child.scripts CONFIG``.

The portable level has no fork to copy a topic's child with, so a script run
(``op_script``) starts this module instead, which runs the student's file as
``__main__`` with the topic's sources importable, exactly as the forked copy
does.  Started by a topic's child (untrusted), it inherits that child's limits,
environment and process group, and is as untrusted as the script it runs.
"""

import codecs
import io
import json
import os
import re
import runpy
import sys
import traceback

# What the interpreter takes for a coding declaration (PEP 263), on the first two lines.
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
#: The encodings a student's file may declare: the course saves every file as UTF-8.
ALLOWED_ENCODINGS = ("utf-8", "utf-8-sig")
#: The child's wording of a refused declaration; the parent words it again in the student's language
#: (``gradekit.messages.failures.CODING_COOKIE_CHILD``), so keep the two in step.
CODING_MESSAGE = "this file declares the encoding {name}; save it as UTF-8 and remove the coding line"


def declared_encoding(source):
    """``(name, line)`` of a coding declaration other than UTF-8 in ``source`` (bytes), else None.

    Any other declaration lets a file read as one program by a tool that decodes
    it as UTF-8 and as another by the interpreter (``# coding: utf-7`` hides code
    in what UTF-8 sees as a comment), so it is refused on both sides rather than
    trusted to be decoded alike.  Line 2 is looked at whatever line 1 holds, which
    refuses a little more than the interpreter would honour, never less.
    """
    if source.startswith(codecs.BOM_UTF8):
        source = source[len(codecs.BOM_UTF8):]
    for number, line in enumerate(source.splitlines()[:2], 1):
        m = _COOKIE.match(line)
        if m is None:
            continue
        raw = m.group(1).decode("ascii", "replace")
        try:
            name = codecs.lookup(raw).name
        except LookupError:
            name = raw.lower()
        return None if name in ALLOWED_ENCODINGS else (raw, number)
    return None


def compile_student(source, path):
    """The code object of a student's file, compiled from exactly these bytes; a coding
    declaration other than UTF-8 is a ``SyntaxError`` at its line, as the interpreter's own would be."""
    refused = declared_encoding(source)
    if refused is not None:
        name, line = refused
        text = source.removeprefix(codecs.BOM_UTF8).splitlines()[line - 1].decode("utf-8", "replace")
        raise SyntaxError(CODING_MESSAGE.format(name=name), (path, line, 1, text, line, len(text) + 1))
    nul = source.find(b"\0")
    if nul >= 0:
        # compile() says so without a file or line (3.12+), or as a ValueError (3.10, 3.11): point at it.
        line = source.count(b"\n", 0, nul) + 1
        start = source.rfind(b"\n", 0, nul) + 1
        text = source[start:nul].decode("utf-8", "replace")
        raise SyntaxError("source code cannot contain null bytes", (path, line, len(text) + 1, text, line, len(text) + 2))
    return compile(source, path, "exec", dont_inherit=True)


def run_as_main(script, argv):
    """Run ``script`` as ``python SCRIPT ARGV`` would, in this process; returns its exit code."""
    sys.argv = [os.path.basename(script), *argv]
    code = 0
    try:
        # Compiled here from the bytes read once, under the same rule as a module load
        # (``compile_student``), then run as ``runpy.run_path`` would run it.
        with open(script, "rb") as f:
            program = compile_student(f.read(), script)
        runpy._run_module_code(program, None, "__main__", pkg_name="", script_name=script)
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
