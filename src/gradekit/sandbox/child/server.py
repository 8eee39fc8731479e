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
the same walls (``child.run_script``).  Every child starts under the limits of
``child.oslimits``; ``child.diagnose`` tells a student's exception as plain data.
"""

import builtins
import io
import json
import os
import sys
import types

from gradekit.sandbox import protocol
from gradekit.sandbox.child import diagnose, tally
from gradekit.sandbox.child.diagnose import HELPER_FILE
from gradekit.sandbox.child.run_script import OUTPUT_CAP, fork_script, spawn_script
from gradekit.sandbox.child.watchdog import Watchdog

#: Module attributes looked at when sending a loaded module's functions and classes along.
MODULE_NAMES = 500


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
        """The student's exception as plain data, with a beginner's facts (``child.diagnose``)."""
        return diagnose.error_info(exc, src=self.src, module=self.module, held=self.handles.values(), encode=self.enc)

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
