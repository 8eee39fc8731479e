"""The wire format between the grader process and the sandbox child.

Both sides speak JSON lines.  Values are plain JSON where JSON is unambiguous
(None, bool, int, float, str, list) and tagged objects for everything else, so
container types survive the trip: ``{"$": "tuple", "v": [...]}``.  Objects that
are not plain data never cross: the child keeps them and sends a *handle*
(``{"$": "handle", "id": 7, "type": "Student"}``).

Nothing the child sends is unpickled or evaluated.  ``decode`` rebuilds values
in the parent from this small vocabulary and rejects anything else with a
``ProtocolError`` that says where in the message the bad value was, so a
hostile child can at most send plain data it could also have returned.

This module is imported by the child too, so it must stay stdlib-only.
"""

from __future__ import annotations

import base64
import json
import math

VERSION = 1

#: Largest single message either side accepts, in bytes.
MAX_MESSAGE = 32 * 1024 * 1024
#: Deepest nesting of containers accepted in a value.
MAX_DEPTH = 64
#: Most container elements accepted in one value.
MAX_NODES = 1_000_000
#: Ints with more digits than this travel as hex text (json caps int parsing).
_BIG_INT_DIGITS = 3000

#: The child's first line, sent before any student code runs: start-up time is not the student's.
READY = b'{"ready":1}\n'
#: Seconds a child may take to start (many start at once on a busy machine).
START_TIMEOUT = 20.0

PLAIN_SCALARS = (type(None), bool, int, float, str)


class ProtocolError(Exception):
    """A message from the other side broke the wire format."""


class Unencodable(Exception):
    """A value cannot be sent as plain data (a cycle, or too deep or big)."""


# --------------------------------------------------------------------------
# encoding (used on both sides)


def encode(value, handle_of, _depth=0, _seen=None, _count=None):
    """Turn ``value`` into JSON-ready data.

    ``handle_of(obj)`` is called for anything that is not plain data and must
    return the JSON form of a handle.  Types are matched exactly (``type(v) is
    list``), so a subclass with a lying ``__eq__`` becomes a handle instead of
    passing as a list.
    """
    if _seen is None:
        _seen, _count = set(), [0]
    _count[0] += 1
    if _count[0] > MAX_NODES or _depth > MAX_DEPTH:
        raise Unencodable("value too large or too deeply nested")
    t = type(value)
    if value is None or t is bool or t is str:
        return value
    if t is int:
        if value.bit_length() > _BIG_INT_DIGITS * 3:
            return {"$": "int", "v": hex(value)}
        return value
    if t is float:
        if math.isfinite(value):
            return value
        return {"$": "float", "v": repr(value)}
    if t is slice:
        return {"$": "slice", "v": [encode(p, handle_of, _depth + 1, _seen, _count)
                                    for p in (value.start, value.stop, value.step)]}
    if t is bytes:
        return {"$": "bytes", "v": base64.b64encode(value).decode("ascii")}
    if t in (list, tuple, set, frozenset, dict):
        if id(value) in _seen:
            raise Unencodable("value contains itself")
        _seen.add(id(value))
        try:
            if t is dict:
                items = [
                    [encode(k, handle_of, _depth + 1, _seen, _count),
                     encode(v, handle_of, _depth + 1, _seen, _count)]
                    for k, v in list(value.items())
                ]
                return {"$": "dict", "v": items}
            items = [encode(v, handle_of, _depth + 1, _seen, _count) for v in list(value)]
            if t is list:
                return items
            return {"$": t.__name__, "v": items}
        finally:
            _seen.discard(id(value))
    return handle_of(value)


def dumps(message: dict) -> bytes:
    """Serialise one message as a single line."""
    return json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


# --------------------------------------------------------------------------
# decoding (strict; used by the parent on everything the child sends)


def decode(data, make_handle, where="value", _depth=0, _count=None):
    """Rebuild a value sent by the other side, validating as we go."""
    if _count is None:
        _count = [0]
    _count[0] += 1
    if _count[0] > MAX_NODES or _depth > MAX_DEPTH:
        raise ProtocolError(f"{where}: value too large or too deeply nested")
    if data is None or type(data) in (bool, int, float, str):
        return data
    if type(data) is list:
        return [decode(v, make_handle, f"{where}[{i}]", _depth + 1, _count) for i, v in enumerate(data)]
    if type(data) is not dict:
        raise ProtocolError(f"{where}: unexpected JSON type {type(data).__name__}")
    tag = data.get("$")
    if tag == "handle":
        hid, tname = data.get("id"), data.get("type")
        if type(hid) is not int or type(tname) is not str:
            raise ProtocolError(f"{where}: malformed handle")
        return make_handle(hid, tname[:200])
    v = data.get("v")
    if tag == "float":
        if v not in ("nan", "inf", "-inf"):
            raise ProtocolError(f"{where}: bad float {v!r}")
        return float(v)
    if tag == "int":
        if type(v) is not str or not v.lstrip("-").startswith("0x"):
            raise ProtocolError(f"{where}: bad int")
        try:
            return int(v, 16)
        except ValueError:
            raise ProtocolError(f"{where}: bad int") from None
    if tag == "bytes":
        if type(v) is not str:
            raise ProtocolError(f"{where}: bad bytes")
        try:
            return base64.b64decode(v.encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            raise ProtocolError(f"{where}: bad bytes") from None
    if tag == "slice":
        if type(v) is not list or len(v) != 3 or any(p is not None and type(p) is not int for p in v):
            raise ProtocolError(f"{where}: bad slice")
        return slice(*v)
    if tag in ("tuple", "set", "frozenset", "dict"):
        if type(v) is not list:
            raise ProtocolError(f"{where}: {tag} without items")
        try:
            if tag == "dict":
                out = {}
                for i, pair in enumerate(v):
                    if type(pair) is not list or len(pair) != 2:
                        raise ProtocolError(f"{where}: bad dict item {i}")
                    key = decode(pair[0], make_handle, f"{where}.key{i}", _depth + 1, _count)
                    out[key] = decode(pair[1], make_handle, f"{where}[{key!r}]", _depth + 1, _count)
                return out
            items = [decode(x, make_handle, f"{where}[{i}]", _depth + 1, _count) for i, x in enumerate(v)]
            return {"tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
        except TypeError as exc:  # unhashable key or set member
            raise ProtocolError(f"{where}: {exc}") from None
    raise ProtocolError(f"{where}: unknown tag {tag!r}")


def loads(line: bytes, where: str) -> dict:
    """Parse one message line; any failure is a ProtocolError naming ``where``."""
    if len(line) > MAX_MESSAGE:
        raise ProtocolError(f"{where}: message larger than {MAX_MESSAGE} bytes")
    try:
        msg = json.loads(line)
    except (ValueError, RecursionError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"{where}: not valid JSON ({str(exc)[:80]})") from None
    if type(msg) is not dict:
        raise ProtocolError(f"{where}: message is not an object")
    return msg


def check_response(msg: dict, expected_id: int) -> None:
    """Validate the envelope of a response before any field is used."""
    if msg.get("id") != expected_id or type(msg.get("id")) is not int:
        raise ProtocolError(f"response for request {msg.get('id')!r}, expected {expected_id}")
    if type(msg.get("ok")) is not bool:
        raise ProtocolError("response without a boolean 'ok'")
    for key in ("out", "err"):
        if type(msg.get(key, "")) is not str:
            raise ProtocolError(f"response field {key!r} is not text")
    if not msg["ok"]:
        err = msg.get("error")
        if type(err) is not dict or type(err.get("type")) is not str:
            raise ProtocolError("error response without an error type")
        for key in ("message", "file", "traceback", "text"):
            if type(err.get(key, "")) is not str:
                raise ProtocolError(f"error field {key!r} is not text")
        for key in ("line", "offset"):
            if type(err.get(key, 0)) is not int:
                raise ProtocolError(f"error field {key!r} is not a number")
