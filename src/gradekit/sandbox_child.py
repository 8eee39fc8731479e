"""The untrusted side of the sandbox: a small request server around student code.

Started by ``gradekit.forkserver`` as ``python -I -B -m gradekit.sandbox_child
CONFIG``: one process per submission, the *fork server* (``ForkServer``).  It
lowers its own resource limits, imports everything it needs *before* any
student file can shadow a module, and forks a fresh request server
(``Server``) for each topic, so a submission pays for one interpreter start
instead of one per topic.  Topics stay apart as processes; the fork server is
their subreaper and kills whatever a finished topic left running.

A topic's server answers one JSON request per line on a private pipe.  Student
code runs only there.  Everything it returns is encoded with
``gradekit.protocol``; objects that are not plain data stay behind handles.

Nothing in these processes is trusted by the parent: a student can rewrite
this module at run time, and all they gain is the ability to send plain data
they could have returned anyway.  Student *scripts* run in forks of a topic's
server (``op_script``), behind the same walls.
"""

import builtins
import io
import json
import os
import re
import resource
import runpy
import select
import signal
import socket
import sys
import time
import traceback
import types

from gradekit import protocol

#: Output kept per request; the rest is counted and dropped.
OUTPUT_CAP = 1024 * 1024
#: Module attributes looked at when sending a loaded module's functions and classes along.
MODULE_NAMES = 500
#: The file name grader helper code runs under (``op_helper``).
HELPER_FILE = "<grader helper>"


def apply_limits(limits):
    """Lower rlimits; each is best effort because some kernels refuse some."""
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
        try:
            _, hard = resource.getrlimit(names[key])
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(names[key], (value, value))
        except (ValueError, OSError):
            pass
    # A disk-filling student gets an OSError instead of a silent death.
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
            with open(path, "rb") as f:
                source = f.read()
            self.code = (path, compile(source, path, "exec", dont_inherit=True))
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

    def op_type(self, req):
        return type(self.obj(req["h"]))

    def op_script(self, req):
        """Run the student's file as ``__main__`` in a forked copy of this process.

        A fork costs milliseconds where a fresh interpreter (inside bubblewrap)
        costs a tenth of a second, and the copy keeps every wall and limit of
        this sandbox.  It gets its own stdin, stdout, stderr and folder; a copy
        that overruns ``timeout`` is killed.
        """
        argv, data, timeout = req.get("argv", []), req.get("stdin", "").encode("utf-8"), float(req["timeout_s"])
        script = os.path.join(self.src, self.slug + ".py")
        self._scripts = getattr(self, "_scripts", 0) + 1
        folder = os.path.join(self.scratch, f"script{self._scripts}")
        os.makedirs(folder, exist_ok=True)
        pipes = [os.pipe() for _ in range(3)]
        pid = os.fork()
        if pid == 0:
            try:
                os.setpgid(0, 0)
                for target, (r, w) in zip((0, 1, 2), pipes):
                    os.dup2(r if target == 0 else w, target)
                os.closerange(3, 1 << 16)
                os.chdir(folder)
                sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
                sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True)
                sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", line_buffering=True)
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
            finally:
                os._exit(locals().get("code", 1) if isinstance(locals().get("code"), int) else 1)
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
        text = lambda fd: b"".join(chunks[fd]).decode("utf-8", "replace")  # noqa: E731
        return {"stdout": text(out_r), "stderr": text(err_r), "timed_out": timed_out,
                "returncode": None if timed_out else os.waitstatus_to_exitcode(status)}

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
        try:
            info.update(beginner_facts())
        except BaseException:  # advice is a bonus: never lose the error itself over it
            pass
        try:
            info["traceback"] = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-8000:]
        except BaseException:
            info["traceback"] = ""
        return info

    def serve(self, rfile, wfd):
        ops = {name[3:]: getattr(self, name) for name in dir(self) if name.startswith("op_")}
        real_out, real_err = sys.stdout, sys.stderr
        os.write(wfd, protocol.READY)
        while True:
            line = rfile.readline(protocol.MAX_MESSAGE + 1)
            if not line:
                return
            req = json.loads(line)
            out, err = CappedWriter(), CappedWriter()
            sys.stdout, sys.stderr = out, err
            try:
                value = ops[req["op"]](req)
                reply = {"id": req["id"], "ok": True, "value": self.enc(value)}
                if req["op"] == "load":
                    reply["names"] = self.module_names()
            except BaseException as exc:  # the student's exception, whatever it is
                reply = {"id": req["id"], "ok": False, "error": self.error_info(exc)}
            finally:
                sys.stdout, sys.stderr = real_out, real_err
            reply["out"], reply["err"] = out.text(), err.text()
            data = protocol.dumps(reply)
            view = memoryview(data)
            while view:
                view = view[os.write(wfd, view):]


PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def _prctl(option, value):
    try:
        import ctypes
        return ctypes.CDLL(None).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        return -1


def die_with_parent():
    """If the parent dies, so does this process (Linux): no orphan keeps running."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def prepare(config):
    """What every sandboxed interpreter does first, before any student file can shadow a module."""
    die_with_parent()
    apply_limits(config.get("limits", {}))
    sys.dont_write_bytecode = True


class ForkServer:
    """Forks one request server per topic of a submission, and cleans up after each.

    Control messages arrive on a datagram socket, each with the new child's
    pipes attached.  The fork server never runs student code itself; it is the
    subreaper of everything its topics start, so a daemon that left its process
    group still comes back to it and is killed when its topic ends.
    """

    def __init__(self, config):
        self.config = config
        self.sock = socket.socket(fileno=config["control_fd"])
        self.live = {}        # token -> (pid, status fd)

    def reap(self, *_):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.reaped(pid, status)

    def reaped(self, pid, status):
        """A child is gone: if it served a topic, tell the parent how it ended."""
        for token, (child, fd) in list(self.live.items()):
            if child == pid:
                del self.live[token]
                try:
                    os.write(fd, b"exit %d\n" % os.waitstatus_to_exitcode(status))
                    os.close(fd)
                except OSError:
                    pass

    def fork(self, req, fds):
        req_r, resp_w, status_w, err_w = fds
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            pid = os.fork()
            if pid == 0:
                self.become_topic(req, req_r, resp_w, err_w)
            self.live[req["token"]] = (pid, status_w)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        for fd in (req_r, resp_w, err_w):
            os.close(fd)

    def become_topic(self, req, req_r, resp_w, err_w):
        code = 1
        try:
            parent = os.getppid()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            os.setsid()  # its own process group: killing the topic kills everything it started
            die_with_parent()
            if os.getppid() != parent:
                os._exit(1)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.dup2(err_w, 2)
            keep = {0, 1, 2, req_r, resp_w}
            for name in os.listdir("/proc/self/fd"):
                if int(name) not in keep:
                    try:
                        os.close(int(name))
                    except OSError:
                        pass
            src = req["src"]
            os.makedirs(req["scratch"], exist_ok=True)
            os.chdir(req["scratch"])
            sys.path[0:0] = [src]
            rfile = os.fdopen(req_r, "rb", buffering=1 << 16)
            Server({**self.config, "src": src, "scratch": req["scratch"]}).serve(rfile, resp_w)
            code = 0
        finally:
            os._exit(code)

    def children(self):
        """This process's children that no topic owns: what finished topics left behind."""
        me, owned, found = os.getpid(), {pid for pid, _ in self.live.values()}, []
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == me and fields[0] != b"Z" and int(name) not in owned:
                found.append(int(name))
        return found

    def kill(self, token):
        """Kill a topic's child, wait until it is gone, then everything it left behind.

        Waiting matters: a process's children come to this subreaper only once it has
        exited, so a sweep right after the signal would miss them.
        """
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            entry = self.live.get(token)
            if entry is not None:
                self.terminate([entry[0]])
            self.reap()
            self.sweep()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})

    def terminate(self, pids):
        for pid in pids:
            for send in (os.killpg, os.kill):
                try:
                    send(pid, signal.SIGKILL)
                except OSError:
                    pass
        for pid in pids:
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:
                continue
            self.reaped(pid, status)

    def sweep(self, rounds=200):
        """Kill every process left behind, until none is: each death may hand over more orphans."""
        for _ in range(rounds):
            strays = self.children()
            if not strays:
                return
            self.terminate(strays)

    def serve(self):
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
        signal.signal(signal.SIGCHLD, self.reap)
        while True:
            try:
                msg, fds, _flags, _addr = socket.recv_fds(self.sock, 65536, 8)
            except OSError:
                break
            if not msg:
                break
            req = json.loads(msg)
            if req["op"] == "fork" and len(fds) == 4:
                self.fork(req, fds)
                continue
            for fd in fds:
                os.close(fd)
            if req["op"] == "exit":
                break
            if req["op"] == "kill":
                self.kill(req["token"])
                self.sock.send(b"ok")
        for token in list(self.live):
            self.kill(token)


def main():
    """Started as ``python -I -B -m gradekit.sandbox_child CONFIG``: a submission's fork server."""
    config = json.loads(sys.argv[1])
    prepare(config)
    ForkServer(config).serve()


if __name__ == "__main__":
    main()
