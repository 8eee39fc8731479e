"""The untrusted side of the sandbox: a small request server around student code.

A topic's server (``Server``) answers one JSON request per line on a private
pipe.  Student code runs only there.  Everything it returns is encoded with
``gradekit.sandbox.protocol``; objects that are not plain data stay behind handles.  It
runs in a fork of the submission's fork server (``gradekit.sandbox.child.forkserver``,
the Linux levels) or in a fresh interpreter of its own
(``gradekit.sandbox.child.spawned``, the portable level).

Nothing in these processes is trusted by the parent: a student can rewrite
this module at run time, and all they gain is the ability to send plain data
they could have returned anyway.  Student *scripts* run in forks of a topic's
server (``op_script``), or in fresh interpreters at the portable level, behind
the same walls.
"""

import builtins
import io
import json
import os
import re
import select
import signal
import sys
import threading
import time
import traceback
import types

from gradekit.sandbox import protocol
from gradekit.sandbox.child import tally
from gradekit.sandbox.child.scripts import run_as_main, script_stdio
from gradekit.sandbox.child.watchdog import Watchdog

try:
    import resource
except ImportError:  # Windows: the portable level says which limits it could not apply
    resource = None  # type: ignore[assignment]

#: Output kept per request; the rest is counted and dropped.
OUTPUT_CAP = 1024 * 1024
#: Module attributes looked at when sending a loaded module's functions and classes along.
MODULE_NAMES = 500
#: The file name grader helper code runs under (``op_helper``).
HELPER_FILE = "<grader helper>"


def _user_tasks():
    """Tasks (processes and threads) of this user on Linux, as RLIMIT_NPROC counts them; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    uid, count = os.getuid(), 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if os.stat(f"/proc/{name}").st_uid != uid:
                continue
            with open(f"/proc/{name}/stat", "rb") as f:
                count += int(f.read().rsplit(b")", 1)[1].split()[17])
        except (OSError, IndexError, ValueError):
            continue
    return count


def apply_limits(limits):
    """Lower rlimits; each is best effort because some kernels refuse some.

    ``nproc`` is how many processes the child may add: RLIMIT_NPROC counts every task of the user,
    across the machine, so the limit is that count plus ``nproc``.  The kernel does not apply it to
    root, and it is not set where it cannot be counted (outside Linux).
    """
    if sys.platform == "win32" or resource is None:
        return   # no rlimits: the portable level's Job Object limits memory and processes instead
    names = {
        "cpu": resource.RLIMIT_CPU,
        "fsize": resource.RLIMIT_FSIZE,
        "nofile": resource.RLIMIT_NOFILE,
        "core": resource.RLIMIT_CORE,
        "as": resource.RLIMIT_AS,
    }
    if hasattr(resource, "RLIMIT_NPROC"):
        names["nproc"] = resource.RLIMIT_NPROC
    for key, value in limits.items():
        if key not in names or value is None:
            continue
        if key == "nproc":
            if os.geteuid() == 0:
                continue   # root is exempt: counting would only cost time
            tasks = _user_tasks()
            if tasks is None:
                continue
            value = tasks + value
        try:
            _, hard = resource.getrlimit(names[key])
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(names[key], (value, value))
        except (ValueError, OSError):
            pass
    # A disk-filling student gets an OSError instead of a silent death.
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


class CappedWriter(io.TextIOBase):
    """A text sink that keeps the first OUTPUT_CAP characters."""

    def __init__(self):
        self.parts, self.size, self.dropped = [], 0, 0

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        room = OUTPUT_CAP - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def text(self):
        out = "".join(self.parts)
        if self.dropped:
            out += f"\n[... {self.dropped} more characters dropped]"
        return out


def fork_script(script, argv, data, folder, timeout):
    """The script in a fork of this process: (stdout, stderr, timed out, exit code)."""
    if sys.platform == "win32":
        raise OSError("scripts are forked at the Linux levels only")
    pipes = [os.pipe() for _ in range(3)]
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.setpgid(0, 0)
            for target, (r, w) in zip((0, 1, 2), pipes):
                os.dup2(r if target == 0 else w, target)
            os.closerange(3, 1 << 16)
            os.chdir(folder)
            script_stdio()
            code = run_as_main(script, argv)
        finally:
            os._exit(code if isinstance(code, int) else 1)
    os.close(pipes[0][0])
    os.close(pipes[1][1])
    os.close(pipes[2][1])
    stdin_w, out_r, err_r = pipes[0][1], pipes[1][0], pipes[2][0]
    try:
        os.write(stdin_w, data)
    except OSError:
        pass
    os.close(stdin_w)
    chunks = {out_r: [], err_r: []}
    sizes = {out_r: 0, err_r: 0}
    end = time.monotonic() + timeout
    open_fds = [out_r, err_r]
    timed_out = False
    while open_fds:
        left = end - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select(open_fds, [], [], left)
        for fd in ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                open_fds.remove(fd)
                continue
            if sizes[fd] < OUTPUT_CAP:
                chunks[fd].append(chunk[: OUTPUT_CAP - sizes[fd]])
            sizes[fd] += len(chunk)
    if timed_out:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
    _, status = os.waitpid(pid, 0)
    for fd in (out_r, err_r):
        os.close(fd)
    try:
        os.killpg(pid, signal.SIGKILL)  # anything the script left running
    except OSError:
        pass
    return b"".join(chunks[out_r]), b"".join(chunks[err_r]), timed_out, os.waitstatus_to_exitcode(status)


def _drain(stream, keep):
    """Read ``stream`` to its end, keeping its first OUTPUT_CAP bytes (the rest is read and dropped)."""
    size = 0
    while True:
        try:
            chunk = stream.read(65536)
        except (OSError, ValueError):
            return
        if not chunk:
            return
        if size < OUTPUT_CAP:
            keep.append(chunk[: OUTPUT_CAP - size])
        size += len(chunk)


def spawn_script(script, src, argv, data, folder, timeout):
    """The script in a fresh interpreter (no fork needed): (stdout, stderr, timed out, exit code).

    Reader threads rather than select(): on Windows select() takes sockets only.
    """
    import subprocess

    config = json.dumps({"script": script, "src": src, "argv": list(argv)})
    proc = subprocess.Popen([sys.executable, "-I", "-B", "-X", "utf8", "-m", "gradekit.sandbox.child.scripts", config],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=folder,
                            start_new_session=sys.platform != "win32")
    out, err = [], []
    readers = [threading.Thread(target=_drain, args=(proc.stdout, out), daemon=True),
               threading.Thread(target=_drain, args=(proc.stderr, err), daemon=True)]
    for reader in readers:
        reader.start()
    try:
        proc.stdin.write(data)
    except OSError:
        pass
    try:
        proc.stdin.close()
    except OSError:
        pass
    timed_out = False
    try:
        code = proc.wait(timeout)
    except subprocess.TimeoutExpired:
        timed_out, code = True, None
    if sys.platform != "win32":
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # anything the script left running
        except OSError:
            pass
    proc.kill()
    proc.wait()
    for reader in readers:
        reader.join(1.0)   # a grandchild may still hold the pipe; the topic's end kills it
    return b"".join(out), b"".join(err), timed_out, code


class Server:
    def __init__(self, config):
        self.workdir = config["workdir"]
        self.src = config["src"]           # the topic's sources (read-only)
        self.scratch = config.get("scratch") or self.workdir
        self.check_dir = self.scratch
        self.handles = {}      # handle id -> object
        self.ids = {}          # id(object) -> handle id (same object, same handle)
        self.next_handle = 1
        self.module = None
        self.slug = None
        self.code = None       # (path, code object) of the student's file
        # Scripts run in a fork of this process, or (the portable level, where there may be no fork)
        # in a fresh interpreter.
        self.spawn_scripts = bool(config.get("spawn")) or not hasattr(os, "fork")

    # -- handles ----------------------------------------------------------

    def handle_of(self, obj):
        hid = self.ids.get(id(obj))
        if hid is None or self.handles.get(hid) is not obj:
            hid = self.next_handle
            self.next_handle += 1
            self.handles[hid] = obj
            self.ids[id(obj)] = hid
        return {"$": "handle", "id": hid, "type": type(obj).__name__}

    def obj(self, hid):
        try:
            return self.handles[hid]
        except (KeyError, TypeError):
            raise LookupError(f"unknown handle {hid!r}") from None

    def enc(self, value):
        try:
            return protocol.encode(value, self.handle_of)
        except protocol.Unencodable:
            return self.handle_of(value)

    def dec(self, data):
        return protocol.decode(data, lambda hid, _t: self.obj(hid), "argument")

    # -- operations -------------------------------------------------------

    def op_load(self, req):
        """Execute the student's file as a fresh module, in a fresh directory."""
        self.handles.clear()
        self.ids.clear()
        self.slug = req["slug"]
        n = req.get("check", 0)
        # A name no earlier code could guess: the submission's other topics share this scratch space,
        # and nothing one of them planted may be waiting in a check's folder.
        self.check_dir = os.path.join(self.scratch, f"check{n}-{os.urandom(6).hex()}")
        os.makedirs(self.check_dir)
        os.chdir(self.check_dir)
        path = os.path.join(self.src, self.slug + ".py")
        if self.code is None or self.code[0] != path:
            # Compiled once per child: every check runs the same file (a student's program that
            # rewrites its own source changes nothing for the checks after it).
            from gradekit.sandbox.child.scripts import compile_student  # refuses a non-UTF-8 coding line

            with open(path, "rb") as f:
                source = f.read()
            self.code = (path, compile_student(source, path))
        code = self.code[1]
        sys.argv = [self.slug + ".py"]  # as if imported from the student's own program
        module = types.ModuleType(self.slug)
        module.__file__ = path
        module.__builtins__ = builtins
        sys.modules[self.slug] = module
        self.module = module
        self.module_dict = module.__dict__
        exec(code, self.module_dict)
        return module

    def module_names(self):
        """Handles to the module's functions and classes, sent with the module itself.

        Nearly every check looks up one of them next; sending them along saves
        that trip.  Only exact functions and classes, read straight from the
        module's namespace, so no student code runs here.
        """
        names = {}
        for name, value in list(self.module_dict.items())[:MODULE_NAMES]:
            if type(name) is str and not name.startswith("__") and type(value) in (types.FunctionType, type):
                names[name] = self.handle_of(value)
        return names

    def op_getattr(self, req):
        return getattr(self.obj(req["h"]), req["name"])

    def op_setattr(self, req):
        setattr(self.obj(req["h"]), req["name"], self.dec(req["value"]))

    def op_call(self, req):
        args = self.dec(req.get("args", []))
        kwargs = self.dec(req.get("kwargs", {"$": "dict", "v": []}))
        return self.obj(req["h"])(*args, **kwargs)

    def op_iter(self, req):
        return iter(self.obj(req["h"]))

    def op_next(self, req):
        return next(self.obj(req["h"]))

    def op_value(self, req):
        """An object held here (a value ``next`` yielded, say) read again as it is now."""
        return self.obj(req["h"])

    def op_getitem(self, req):
        return self.obj(req["h"])[self.dec(req["key"])]

    def op_setitem(self, req):
        self.obj(req["h"])[self.dec(req["key"])] = self.dec(req["value"])

    def op_len(self, req):
        return len(self.obj(req["h"]))

    def op_str(self, req):
        return str(self.obj(req["h"]))

    def op_repr(self, req):
        return repr(self.obj(req["h"]))

    def op_bool(self, req):
        return bool(self.obj(req["h"]))

    def op_contains(self, req):
        return self.dec(req["item"]) in self.obj(req["h"])

    def op_dir(self, req):
        return sorted(dir(self.obj(req["h"])))

    def op_isinstance(self, req):
        return isinstance(self.obj(req["h"]), self.obj(req["cls"]))

    def op_callable(self, req):
        return callable(self.obj(req["h"]))

    def op_type(self, req):
        return type(self.obj(req["h"]))

    def op_script(self, req):
        """Run the student's file as ``__main__`` with its own stdin, stdout, stderr and folder.

        In a fork of this process where there is one: a fork costs milliseconds where a fresh
        interpreter (inside bubblewrap) costs a tenth of a second, and the copy keeps every wall
        and limit of this sandbox.  At the portable level, in a fresh interpreter instead.  A run
        that overruns ``timeout`` is killed with what it started.
        """
        argv, data, timeout = req.get("argv", []), req.get("stdin", "").encode("utf-8"), float(req["timeout_s"])
        script = os.path.join(self.src, self.slug + ".py")
        self._scripts = getattr(self, "_scripts", 0) + 1
        folder = os.path.join(self.scratch, f"script{self._scripts}")
        os.makedirs(folder, exist_ok=True)
        if self.spawn_scripts or sys.platform == "win32":
            out, err, timed_out, code = spawn_script(script, self.src, argv, data, folder, timeout)
        else:
            out, err, timed_out, code = fork_script(script, argv, data, folder, timeout)
        return {"stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace"),
                "timed_out": timed_out, "returncode": None if timed_out else code}

    def op_helper(self, req):
        """Run grader-shipped helper source here and hand back one name from it."""
        namespace = {"__name__": "gradekit_helper", "__builtins__": builtins}
        exec(compile(req["source"], HELPER_FILE, "exec"), namespace)
        return namespace[req["name"]]

    def op_where(self, req):
        obj = self.obj(req["h"])
        if isinstance(obj, types.MethodType):
            obj = obj.__func__
        # Only real functions: asking any other object for __code__ would run its __getattr__.
        code = obj.__code__ if isinstance(obj, types.FunctionType) else None
        if code is not None and code.co_filename.endswith(".py"):
            return [os.path.basename(code.co_filename), code.co_firstlineno]
        return None

    # -- loop -------------------------------------------------------------

    def error_info(self, exc):
        """Describe a student exception as plain data, with what a beginner needs to fix it.

        Besides type, message and the student's file and line, it adds what only this
        process can know: the closest existing name for a NameError or AttributeError
        (``suggestion``), the definition a call with the wrong arguments did not fit
        (``signature``, ``def_file``, ``def_line``) and student files imported in place of
        a standard module (``shadowed``).  The parent checks every field's type.
        """
        student_src = self.src

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

        def arity(message):
            """For "f() takes 1 positional argument but 2 were given": how the student defined f."""
            m = re.match(r"^([\w.<>]+)\(\) (?:takes |missing |got an unexpected keyword|got multiple values|"
                         r"got some positional-only)", message)
            if not m:
                return {}
            qualname, fn = m.group(1), None
            if "<locals>" not in qualname and self.module is not None:
                fn = self.module
                for part in qualname.split("."):
                    fn = getattr(fn, part, None)
            if fn is None:  # a closure or method the grader holds a handle to
                for obj in list(self.handles.values()):
                    obj = getattr(obj, "__func__", obj)
                    if getattr(obj, "__qualname__", None) == qualname:
                        fn = obj
                        break
            fn = getattr(fn, "__func__", fn)
            code = getattr(fn, "__code__", None)
            if code is None or not code.co_filename.startswith(student_src):
                return {}
            return {"signature": f"{qualname}({params(fn, code)})"[:400],
                    "def_file": os.path.basename(code.co_filename), "def_line": code.co_firstlineno}

        def beginner_facts():
            facts, innermost = {}, None
            for frame, _ in traceback.walk_tb(exc.__traceback__):
                innermost = frame
            if isinstance(exc, NameError) and not isinstance(exc, UnboundLocalError):
                name = getattr(exc, "name", None)
                if not name:
                    m = re.search(r"name '(\w+)' is not defined", str(exc))
                    name = m.group(1) if m else None
                own = set(vars(self.module) if self.module is not None else ())
                if innermost is not None:
                    own |= set(innermost.f_locals) | set(innermost.f_globals)
                facts["suggestion"] = closest(name, sorted(own), sorted(dir(builtins)))
            elif isinstance(exc, AttributeError):
                name, obj = getattr(exc, "name", None), getattr(exc, "obj", None)
                if name and obj is not None:
                    facts["suggestion"] = closest(name, dir(obj))
            elif isinstance(exc, TypeError):
                facts.update(arity(str(exc)))
            shadowed = sorted(
                os.path.basename(mod.__file__) for key, mod in list(sys.modules.items())
                if key in sys.stdlib_module_names and isinstance(getattr(mod, "__file__", None), str)
                and mod.__file__.startswith(student_src))
            if shadowed:
                facts["shadowed"] = ", ".join(shadowed)[:400]
            return {k: v for k, v in facts.items() if v}

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
            info["value"] = self.enc(exc.value)
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
                    if frame.f_code.co_filename.startswith(student_src):
                        info["file"] = os.path.basename(frame.f_code.co_filename)
                        info["line"] = lineno
                chained, seen = chained.__cause__ or chained.__context__, seen + 1
            if isinstance(exc, RecursionError):
                info.update(self.recursive_call(exc))
        try:
            info.update(beginner_facts())
        except BaseException:  # advice is a bonus: never lose the error itself over it
            pass
        try:
            info["traceback"] = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-8000:]
        except BaseException:
            info["traceback"] = ""
        return info

    def recursive_call(self, exc):
        """Where a function calls itself, for a RecursionError: the student's line that recurs most often
        in the traceback, the innermost frame aside (the limit is hit wherever the last call happened to be,
        often a builtin called on a function's first line)."""
        prefix = os.path.join(self.src, "")
        frames = [(f.f_code.co_filename, lineno) for f, lineno in traceback.walk_tb(exc.__traceback__)
                  if f.f_code.co_filename.startswith(prefix)][:-1]
        counts = {}
        for place in frames:
            counts[place] = counts.get(place, 0) + 1
        if not counts:
            return {}
        (file, line), n = max(counts.items(), key=lambda kv: kv[1])
        return {"file": os.path.basename(file), "line": line} if n > 1 else {}

    def serve(self, rfile, wfd):
        ops = {name[3:]: getattr(self, name) for name in dir(self) if name.startswith("op_")}
        real_out, real_err = sys.stdout, sys.stderr

        def write(data):
            view = memoryview(data)
            while view:
                view = view[os.write(wfd, view):]

        watchdog = Watchdog(self.src, write)
        current = [None]   # the request in flight, for tally notes
        tally.attach(write, watchdog.lock, lambda: current[0])
        os.write(wfd, protocol.READY)
        while True:
            line = rfile.readline(protocol.MAX_MESSAGE + 1)
            if not line:
                return
            req = json.loads(line)
            out, err = CappedWriter(), CappedWriter()
            sys.stdout, sys.stderr = out, err
            watchdog.arm(req.get("id"), req.get("wd"))
            current[0] = req.get("id")
            try:
                value = ops[req["op"]](req)
                reply = {"id": req["id"], "ok": True, "value": self.enc(value)}
                if req["op"] == "load":
                    reply["names"] = self.module_names()
                elif req["op"] == "next":
                    # Every value next() yields stays here as a handle, for every caller alike: a
                    # grader can then read it again after later next() calls (a row yielded twice,
                    # or changed after it was yielded), and a generator cannot tell that check
                    # from any other by who is calling.
                    reply["kept"] = self.handle_of(value)
            except BaseException as exc:  # the student's exception, whatever it is
                reply = {"id": req["id"], "ok": False, "error": self.error_info(exc)}
            finally:
                sys.stdout, sys.stderr = real_out, real_err
            reply["out"], reply["err"] = out.text(), err.text()
            data = protocol.dumps(reply)
            with watchdog.lock:
                watchdog.disarm()
                current[0] = None
                write(data)


PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def _prctl(option, value):
    try:
        import ctypes
        return ctypes.CDLL(None).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        return -1


def die_with_parent():
    """If the parent dies, so does this process: no orphan keeps running.

    Linux says so to the kernel; elsewhere a watcher thread notices the new parent.
    """
    if sys.platform.startswith("linux"):
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        return
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="gradekit-parent-watch", daemon=True).start()


def prepare(config):
    """What every sandboxed interpreter does first, before any student file can shadow a module."""
    die_with_parent()
    apply_limits(config.get("limits", {}))
    sys.dont_write_bytecode = True
