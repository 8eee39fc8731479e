"""Parent-side stand-ins for objects that live in the sandbox child.

A grader test sees ``functions.my_abs(-5)`` and gets back a real parent-side
``int``.  Each operation on a ``Proxy`` is one request to the child; plain data
comes back as values, anything else as another ``Proxy``.  Student exceptions
are re-raised here as the same builtin type (or ``StudentError``) carrying where
in the student's file they happened.

Equality between proxies is *identity of the remote object*, decided here: the
student's ``__eq__`` is never consulted, so an object that claims to equal
everything cannot pass an assertion.  Every proxy carries a label (``my_abs(-5)``)
so failure messages can say what was called.
"""

from __future__ import annotations

import builtins

from gradekit.sandbox import protocol
from gradekit.sandbox.topic import ChildProtocolError, Sandbox, StudentException

#: Longest repr kept in a label or a failure's expected/actual value (a safety cap for huge values).
SHOW_LIMIT = 10_000


def show(value) -> str:
    """The exact repr (``'5'`` vs ``5`` and trailing spaces stay visible, dict order kept)."""
    if isinstance(value, Proxy):
        return object.__getattribute__(value, "_gk_label") or "<module>"
    try:
        text = repr(value)
    except Exception as exc:  # a parent-side value whose repr fails
        text = f"<{type(value).__name__}: repr failed: {exc}>"
    if len(text) > SHOW_LIMIT:
        text = text[:SHOW_LIMIT] + f"… ({len(text) - SHOW_LIMIT} more characters)"
    return text


class StudentError(Exception):
    """An exception of a non-builtin type raised by student code (``type_name`` says which)."""

    def __init__(self, type_name: str, message: str):
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name = type_name


# Builtins a student exception may be re-raised as; the rest become StudentError so
# the grader's own control flow (SystemExit, KeyboardInterrupt...) is never triggered.
_REBUILDABLE = {
    name: obj for name, obj in vars(builtins).items()
    if isinstance(obj, type) and issubclass(obj, Exception)
    and name not in ("StopAsyncIteration",) and not issubclass(obj, (Warning,))
}


def rebuild_exception(error: dict, make_handle) -> BaseException:
    """Turn the child's description of an exception into a parent-side exception."""
    name, message = error["type"], error.get("message", "")
    cls = _REBUILDABLE.get(name) if error.get("builtin") else None
    if cls is StopIteration:
        value = protocol.decode(error.get("value"), make_handle, "StopIteration.value")
        exc = StopIteration(value) if value is not None else StopIteration()
    elif cls is not None:
        try:
            exc = cls(message) if message else cls()
        except Exception:
            exc = StudentError(name, message)
    else:
        exc = StudentError(name, message)
    exc._gk_origin = error  # where and during what it happened, for messages
    return exc


#: Module attributes of these types are cached for the rest of a check (see ``Proxy.__getattr__``).
_STABLE_TYPES = frozenset({"function", "type", "builtin_function_or_method"})
_FORWARDED_CLASS_ATTRS = frozenset({"__doc__", "__module__", "__dict__", "__annotations__"})


class Proxy:
    """A handle to an object in the sandbox child."""

    __slots__ = ("_gk_box", "_gk_id", "_gk_gen", "_gk_type", "_gk_label")

    def __init__(self, box: Sandbox, hid: int, type_name: str, label: str):
        object.__setattr__(self, "_gk_box", box)
        object.__setattr__(self, "_gk_id", hid)
        object.__setattr__(self, "_gk_gen", box.generation)
        object.__setattr__(self, "_gk_type", type_name)
        object.__setattr__(self, "_gk_label", label)

    # -- plumbing -----------------------------------------------------------

    def _gk_request(self, op: str, label: str, **fields):
        return object.__getattribute__(self, "_gk_reply")(op, label, **fields)[0]

    def _gk_reply(self, op: str, label: str, **fields):
        """(decoded value, the reply's kept handle as a proxy or None) of one request."""
        box: Sandbox = object.__getattribute__(self, "_gk_box")

        def make(hid, tname):
            return Proxy(box, hid, tname, label)

        try:
            reply = box.request(op, during=label, generation=object.__getattribute__(self, "_gk_gen"),
                                h=object.__getattribute__(self, "_gk_id"), **fields)
            kept = None
            if reply.kept is not None:
                kept = protocol.decode(reply.kept, make, label)
                if not isinstance(kept, Proxy):
                    raise protocol.ProtocolError(f"{label}: the kept value is not a handle")
            return protocol.decode(reply.value, make, label), kept
        except StudentException as exc:
            raise rebuild_exception(exc.args[0], make) from None
        except protocol.ProtocolError as exc:
            box.close()
            raise ChildProtocolError(str(exc), label) from None

    def _gk_encode(self, value):
        box = object.__getattribute__(self, "_gk_box")

        def handle_of(obj):
            if isinstance(obj, Proxy) and object.__getattribute__(obj, "_gk_box") is box:
                return {"$": "handle", "id": object.__getattribute__(obj, "_gk_id"), "type": ""}
            raise TypeError(f"cannot send {type(obj).__name__} into the sandbox; ship it with helper()")

        return protocol.encode(value, handle_of)

    def _gk_sub(self, suffix: str) -> str:
        label = object.__getattribute__(self, "_gk_label")
        return f"{label}.{suffix}" if label else suffix

    # -- attribute access -----------------------------------------------------

    def __getattribute__(self, name):
        # These exist on every Python class, so normal lookup would answer with the
        # proxy's own; the student's object is the one asked about.
        if name in _FORWARDED_CLASS_ATTRS:
            return object.__getattribute__(self, "_gk_request")("getattr", object.__getattribute__(self, "_gk_sub")(name), name=name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        if name.startswith("_gk_") or name in ("__wrapped__", "__func__", "__self__"):
            raise AttributeError(name)
        if name.startswith("__") and name.endswith("__") and name not in ("__name__", "__doc__", "__qualname__", "__module__", "__all__", "__class__"):
            raise AttributeError(name)
        if object.__getattribute__(self, "_gk_label"):
            return self._gk_request("getattr", self._gk_sub(name), name=name)
        # The student's module: its functions and classes are looked up once per check, since
        # `functions.my_abs(x)` in a loop would otherwise cost two trips to the child per call.
        cache = object.__getattribute__(self, "_gk_box").attr_cache
        key = (object.__getattribute__(self, "_gk_gen"), object.__getattribute__(self, "_gk_id"), name)
        if key in cache:
            return cache[key]
        value = self._gk_request("getattr", name, name=name)
        if isinstance(value, Proxy) and object.__getattribute__(value, "_gk_type") in _STABLE_TYPES:
            cache[key] = value
        return value

    def __setattr__(self, name, value):
        object.__getattribute__(self, "_gk_box").attr_cache.clear()
        self._gk_request("setattr", f"{self._gk_sub(name)} = {show(value)}", name=name, value=self._gk_encode(value))

    def __call__(self, *args, **kwargs):
        parts = [show(a) for a in args] + [f"{k}={show(v)}" for k, v in kwargs.items()]
        label = f"{object.__getattribute__(self, '_gk_label')}({', '.join(parts)})"
        return self._gk_request("call", label, args=self._gk_encode(list(args)), kwargs=self._gk_encode(dict(kwargs)))

    # -- containers and iteration -----------------------------------------

    def __iter__(self):
        return self._gk_request("iter", f"iter({show(self)})")

    def __next__(self):
        value, kept = self._gk_reply("next", f"next({show(self)})")
        if kept is not None:
            box = object.__getattribute__(self, "_gk_box")
            box.yielded[(object.__getattribute__(self, "_gk_gen"), object.__getattribute__(self, "_gk_id"))] = kept
        return value

    def __getitem__(self, key):
        if isinstance(key, slice):
            parts = ["" if p is None else show(p) for p in (key.start, key.stop, key.step)]
            text = ":".join(parts if key.step is not None else parts[:2])
        else:
            text = show(key)
        return self._gk_request("getitem", f"{show(self)}[{text}]", key=self._gk_encode(key))

    def __setitem__(self, key, value):
        self._gk_request("setitem", f"{show(self)}[{show(key)}] = {show(value)}",
                         key=self._gk_encode(key), value=self._gk_encode(value))

    def __len__(self):
        n = self._gk_request("len", f"len({show(self)})")
        if type(n) is not int or n < 0:
            raise ChildProtocolError("len() was not a non-negative int", f"len({show(self)})")
        return n

    def __contains__(self, item):
        return self._expect_bool(self._gk_request("contains", f"{show(item)} in {show(self)}", item=self._gk_encode(item)))

    def __bool__(self):
        return self._expect_bool(self._gk_request("bool", f"bool({show(self)})"))

    def __str__(self):
        return self._expect_str(self._gk_request("str", f"str({show(self)})"))

    def __repr__(self):
        return self._expect_str(self._gk_request("repr", f"repr({show(self)})"))

    def _expect_bool(self, value):
        if type(value) is not bool:
            raise ChildProtocolError("expected a bool", show(self))
        return value

    def _expect_str(self, value):
        if type(value) is not str:
            raise ChildProtocolError("expected a str", show(self))
        return value

    # -- identity -----------------------------------------------------------

    def __eq__(self, other):
        if not isinstance(other, Proxy):
            return False
        same = lambda attr: object.__getattribute__(self, attr) == object.__getattribute__(other, attr)
        return (object.__getattribute__(self, "_gk_box") is object.__getattribute__(other, "_gk_box")
                and same("_gk_gen") and same("_gk_id"))

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((id(object.__getattribute__(self, "_gk_box")), object.__getattribute__(self, "_gk_gen"),
                     object.__getattribute__(self, "_gk_id")))


# -- helpers for grader authors (re-exported by gradekit.grader) -------------------


def type_name(obj) -> str:
    """The type name the child reported for a proxy, or the parent type's name."""
    if isinstance(obj, Proxy):
        return object.__getattribute__(obj, "_gk_type")
    return type(obj).__name__


def label_of(obj) -> str:
    return show(obj)


def box_of(obj) -> Sandbox:
    return object.__getattribute__(obj, "_gk_box")


def remote_isinstance(obj, cls) -> bool:
    """``isinstance`` evaluated in the child (both arguments are proxies)."""
    if not isinstance(obj, Proxy):
        return False
    result = obj._gk_request("isinstance", f"isinstance({show(obj)}, {show(cls)})",
                             cls=object.__getattribute__(cls, "_gk_id"))
    return obj._expect_bool(result)


def remote_callable(obj) -> bool:
    """``callable(obj)`` answered in the child, where the object lives (every proxy has ``__call__``).

    A plain value the child sent back (a number, a string, a list) is never a function."""
    if not isinstance(obj, Proxy):
        return False
    return obj._expect_bool(obj._gk_request("callable", f"callable({show(obj)})"))


def remote_type(obj) -> Proxy:
    return obj._gk_request("type", f"type({show(obj)})")


def remote_dir(obj) -> list:
    return obj._gk_request("dir", f"dir({show(obj)})")


def helper(anchor: Proxy, source: str, name: str):
    """Run grader helper ``source`` inside ``anchor``'s sandbox and return ``name`` from it."""
    box = box_of(anchor)

    def make(hid, tname):
        return Proxy(box, hid, tname, name)

    reply = box.request("helper", during=f"helper {name}", source=source, name=name)
    return protocol.decode(reply.value, make, name)


def last_yielded(iterator: Proxy) -> Proxy | None:
    """The object the last ``next(iterator)`` gave, still held in the sandbox, or None.

    Read it again with ``value_of`` after later next() calls: a generator that yields one list
    over and over, or changes a row after yielding it, shows it there.  Two of these are the same
    object exactly when they compare equal.
    """
    if not isinstance(iterator, Proxy):
        return None
    key = (object.__getattribute__(iterator, "_gk_gen"), object.__getattribute__(iterator, "_gk_id"))
    return box_of(iterator).yielded.get(key)


def value_of(obj: Proxy):
    """What a held object reads as now, as plain data where it is plain data (one request)."""
    return obj._gk_request("value", show(obj))


def new_tally(anchor: Proxy, name: str) -> str:
    """A fresh key for helper code in ``anchor``'s sandbox to count events with; only keys made
    here are counted, so notes under keys of the student's own making change nothing.

    Helper source counts with ``from gradekit.sandbox.child.tally import tally`` and ``tally(key)``;
    each call is a note to this side at once, so the student's code cannot take a count back.
    """
    box = box_of(anchor)
    key = f"{name[:40]}-{len(box.tallies) + 1}"
    box.tallies[key] = 0
    return key


def tallied(anchor: Proxy, key: str) -> int:
    """How many times helper code has called ``tally(key)`` so far (``new_tally``)."""
    return box_of(anchor).tallies.get(key, 0)


def where(obj):
    """(file name, line) where a student function was defined, or None."""
    value = obj._gk_request("where", f"where({show(obj)})")
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], int):
        return value[0], value[1]
    return None


def load_module(box: Sandbox) -> Proxy:
    """Load the student's file afresh in ``box`` and return a proxy of the module."""

    def make(hid, tname):
        return Proxy(box, hid, tname, "")

    try:
        reply = box.load()
    except StudentException as exc:
        raise rebuild_exception(exc.args[0], make) from None
    try:
        module = protocol.decode(reply.value, make, "module")
    except protocol.ProtocolError as exc:
        box.close()
        raise ChildProtocolError(str(exc), "import") from None
    if not isinstance(module, Proxy):
        box.close()
        raise ChildProtocolError("the module did not come back as an object", "import")
    remember_names(box, module, reply.names)
    return module


def remember_names(box: Sandbox, module: Proxy, names) -> None:
    """Seed the per-check cache with the module's functions and classes that came with the load."""
    if not isinstance(names, dict) or len(names) > 1000:
        return
    gen, hid = object.__getattribute__(module, "_gk_gen"), object.__getattribute__(module, "_gk_id")
    for name, data in names.items():
        try:
            value = protocol.decode(data, lambda h, t, name=name: Proxy(box, h, t, name), "module")
        except protocol.ProtocolError:
            continue
        if isinstance(value, Proxy) and object.__getattribute__(value, "_gk_type") in _STABLE_TYPES:
            box.attr_cache[(gen, hid, name)] = value
