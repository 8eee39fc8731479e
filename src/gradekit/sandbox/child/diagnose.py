"""What went wrong in student code, told as plain data a beginner's message can be built from.

This runs in the sandbox child, the only process that holds the exception and the student's
objects: the closest existing name for a NameError or AttributeError, the definition a call with
the wrong arguments did not fit, the student files imported in place of standard modules, the
line a recursion keeps coming back to.  The trusted side believes none of it blindly: it checks
every field's type and every file name it is told (``grading.scoring.own_file``).

Standard library only, like the rest of ``sandbox.child``.
"""

import builtins
import os
import re
import sys
import traceback

#: The file name grader helper code runs under (``Server.op_helper``): a NameError there is the kit's.
HELPER_FILE = "<grader helper>"


def error_info(exc, *, src, module, held, encode):
    """Describe a student exception as plain data, with what a beginner needs to fix it.

    Besides type, message and the student's file and line, it adds what only this process can
    know: the closest existing name for a NameError or AttributeError (``suggestion``), the
    definition a call with the wrong arguments did not fit (``signature``, ``def_file``,
    ``def_line``) and student files imported in place of a standard module (``shadowed``).

    ``src``: the folder of the student's files; ``module``: their loaded module, if any; ``held``:
    the objects the grader holds handles to; ``encode``: how a value goes on the wire.
    """
    info = {"type": type(exc).__name__, "builtin": type(exc) is getattr(builtins, type(exc).__name__, None)}
    if isinstance(exc, NameError):
        # A name missing in a grader's helper code is the kit's bug, not the student's.
        innermost = None
        for frame, _ in traceback.walk_tb(exc.__traceback__):
            innermost = frame
        info["helper_fault"] = innermost is not None and innermost.f_code.co_filename == HELPER_FILE
    try:
        info["message"] = str(exc)[:4000]
    except BaseException:
        info["message"] = "<unprintable>"
    if isinstance(exc, StopIteration):
        info["value"] = encode(exc.value)
    if isinstance(exc, SyntaxError):
        info["file"] = os.path.basename(exc.filename or "")
        info["line"] = exc.lineno or 0
        info["offset"] = exc.offset or 0
        info["text"] = (exc.text or "")[:400]
        info["message"] = str(exc.msg)[:400]
        if getattr(exc, "end_lineno", None) == exc.lineno and isinstance(getattr(exc, "end_offset", None), int):
            info["end_offset"] = exc.end_offset
    else:
        # A generator's escaped StopIteration becomes a RuntimeError where the generator
        # was resumed: the student's mistake is where the StopIteration came from.
        chained, seen = exc, 0
        if isinstance(exc, RuntimeError) and isinstance(exc.__cause__, StopIteration):
            chained = exc.__cause__
        while chained is not None and "line" not in info and seen < 5:
            for frame, lineno in traceback.walk_tb(chained.__traceback__):
                if frame.f_code.co_filename.startswith(src):
                    info["file"] = os.path.basename(frame.f_code.co_filename)
                    info["line"] = lineno
            chained, seen = chained.__cause__ or chained.__context__, seen + 1
        if isinstance(exc, RecursionError):
            info.update(recursive_call(exc, src))
    try:
        info.update(beginner_facts(exc, src, module, held))
    except BaseException:  # advice is a bonus: never lose the error itself over it
        pass
    try:
        info["traceback"] = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-8000:]
    except BaseException:
        info["traceback"] = ""
    return info


def distance(a, b):
    """Edit distance counting a swap of neighbours as one edit (lenght -> length)."""
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            if prev2 is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def closest(name, *pools):
    """The nearest name, the student's own before builtins; None when nothing is near."""
    if not name:
        return None
    allowed = max(1, len(name) // 4)
    best = None
    for rank, pool in enumerate(pools):
        for cand in pool:
            if not isinstance(cand, str) or cand == name or cand.startswith("__"):
                continue
            d = 0.5 if cand.lower() == name.lower() else distance(name, cand)  # Print -> print
            if d <= allowed and (best is None or (d, rank) < best[:2]):
                best = (d, rank, cand)
    return best[2] if best else None


def params(fn, code):
    names, npos, nkw = code.co_varnames, code.co_argcount, code.co_kwonlyargcount
    defaults = getattr(fn, "__defaults__", None) or ()
    kwdefaults = getattr(fn, "__kwdefaults__", None) or {}
    out, first_default = [], npos - len(defaults)
    for i in range(npos):
        out.append(names[i] + ("=" + repr(defaults[i - first_default])[:40] if i >= first_default else ""))
        if code.co_posonlyargcount and i == code.co_posonlyargcount - 1:
            out.append("/")
    star = npos + nkw
    if code.co_flags & 0x04:  # CO_VARARGS
        out.append("*" + names[star])
        star += 1
    elif nkw:
        out.append("*")
    out += [n + ("=" + repr(kwdefaults[n])[:40] if n in kwdefaults else "") for n in names[npos:npos + nkw]]
    if code.co_flags & 0x08:  # CO_VARKEYWORDS
        out.append("**" + names[star])
    return ", ".join(out)


def arity(message, src, module, held):
    """For "f() takes 1 positional argument but 2 were given": how the student defined f."""
    m = re.match(r"^([\w.<>]+)\(\) (?:takes |missing |got an unexpected keyword|got multiple values|"
                 r"got some positional-only)", message)
    if not m:
        return {}
    qualname, fn = m.group(1), None
    if "<locals>" not in qualname and module is not None:
        fn = module
        for part in qualname.split("."):
            fn = getattr(fn, part, None)
    if fn is None:  # a closure or method the grader holds a handle to
        for obj in list(held):
            obj = getattr(obj, "__func__", obj)
            if getattr(obj, "__qualname__", None) == qualname:
                fn = obj
                break
    fn = getattr(fn, "__func__", fn)
    code = getattr(fn, "__code__", None)
    if code is None or not code.co_filename.startswith(src):
        return {}
    return {"signature": f"{qualname}({params(fn, code)})"[:400],
            "def_file": os.path.basename(code.co_filename), "def_line": code.co_firstlineno}


def beginner_facts(exc, src, module, held):
    facts, innermost = {}, None
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        innermost = frame
    if isinstance(exc, NameError) and not isinstance(exc, UnboundLocalError):
        name = getattr(exc, "name", None)
        if not name:
            m = re.search(r"name '(\w+)' is not defined", str(exc))
            name = m.group(1) if m else None
        own = set(vars(module) if module is not None else ())
        if innermost is not None:
            own |= set(innermost.f_locals) | set(innermost.f_globals)
        facts["suggestion"] = closest(name, sorted(own), sorted(dir(builtins)))
    elif isinstance(exc, AttributeError):
        name, obj = getattr(exc, "name", None), getattr(exc, "obj", None)
        if name and obj is not None:
            facts["suggestion"] = closest(name, dir(obj))
    elif isinstance(exc, TypeError):
        facts.update(arity(str(exc), src, module, held))
    shadowed = sorted(
        os.path.basename(mod.__file__) for key, mod in list(sys.modules.items())
        if key in sys.stdlib_module_names and isinstance(getattr(mod, "__file__", None), str)
        and mod.__file__.startswith(src))
    if shadowed:
        facts["shadowed"] = ", ".join(shadowed)[:400]
    return {k: v for k, v in facts.items() if v}


def recursive_call(exc, src):
    """Where a function calls itself, for a RecursionError: the student's line that recurs most often
    in the traceback, the innermost frame aside (the limit is hit wherever the last call happened to be,
    often a builtin called on a function's first line)."""
    prefix = os.path.join(src, "")
    frames = [(f.f_code.co_filename, lineno) for f, lineno in traceback.walk_tb(exc.__traceback__)
              if f.f_code.co_filename.startswith(prefix)][:-1]
    counts = {}
    for place in frames:
        counts[place] = counts.get(place, 0) + 1
    if not counts:
        return {}
    (file, line), n = max(counts.items(), key=lambda kv: kv[1])
    return {"file": os.path.basename(file), "line": line} if n > 1 else {}
