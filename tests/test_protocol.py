"""The wire format: round trips keep container types; anything else is rejected with a place."""

import math

import pytest

from gradekit.sandbox import protocol


def no_handles(obj):
    raise AssertionError(f"unexpected handle for {obj!r}")


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**200, 1.5, -0.0, "", "中文\n", b"\x00\xff",
    [1, [2, 3]], (1, (2,)), (), {"a": 1, 2: [3]}, {(1, 2): "t"}, {1, 2}, frozenset({"x"}),
    [(1,), {2}, {"k": frozenset()}], slice(1, None, -1),
])
def test_round_trip_preserves_value_and_type(value):
    back = protocol.decode(protocol.encode(value, no_handles), no_handles)
    assert back == value and type(back) is type(value)
    if isinstance(value, (list, tuple)):
        assert [type(x) for x in back] == [type(x) for x in value]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_special_floats(value):
    back = protocol.decode(protocol.encode(value, no_handles), no_handles)
    assert (math.isnan(back) and math.isnan(value)) or back == value


def test_subclasses_become_handles():
    class Liar(list):
        def __eq__(self, other):
            return True
    seen = []
    protocol.encode([Liar()], lambda obj: seen.append(obj) or {"$": "handle", "id": 1, "type": "Liar"})
    assert len(seen) == 1 and isinstance(seen[0], Liar)


def test_cycles_and_depth_are_unencodable():
    a = [1]
    a.append(a)
    with pytest.raises(protocol.Unencodable):
        protocol.encode(a, no_handles)
    deep = []
    for _ in range(protocol.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(protocol.Unencodable):
        protocol.encode(deep, no_handles)


@pytest.mark.parametrize("data, where", [
    ({"$": "pickle", "v": "gASV"}, "unknown tag"),
    ({"$": "handle", "id": "1", "type": "x"}, "malformed handle"),
    ({"$": "float", "v": "1e999"}, "bad float"),
    ({"$": "dict", "v": [[[1], 2]]}, "unhashable"),
    ({"$": "set", "v": [[1]]}, "unhashable"),
    ({"$": "bytes", "v": "***"}, "bad bytes"),
    ({"$": "slice", "v": [1, "2", None]}, "bad slice"),
    ({"$": "tuple"}, "without items"),
])
def test_decode_rejects_malformed_values(data, where):
    with pytest.raises(protocol.ProtocolError, match=where):
        protocol.decode(data, no_handles)


def test_decode_rejects_too_deep_values():
    data = []
    for _ in range(protocol.MAX_DEPTH + 5):
        data = [data]
    with pytest.raises(protocol.ProtocolError, match="deeply"):
        protocol.decode(data, no_handles)


@pytest.mark.parametrize("line, reason", [
    (b"not json", "not valid JSON"),
    (b"[1, 2]", "not an object"),
    (b"[" * 100000 + b"]" * 100000, "not valid JSON"),
])
def test_loads_rejects_garbage(line, reason):
    with pytest.raises(protocol.ProtocolError, match=reason):
        protocol.loads(line, "reply")


@pytest.mark.parametrize("msg, reason", [
    ({"id": 2, "ok": True}, "expected 1"),
    ({"id": True, "ok": True}, "expected 1"),
    ({"id": 1, "ok": "yes"}, "boolean"),
    ({"id": 1, "ok": True, "out": 5}, "not text"),
    ({"id": 1, "ok": False, "error": "boom"}, "error type"),
    ({"id": 1, "ok": False, "error": {"type": "X", "line": "3"}}, "not a number"),
])
def test_check_response_rejects_forgeries(msg, reason):
    with pytest.raises(protocol.ProtocolError, match=reason):
        protocol.check_response(msg, 1)


def test_huge_ints_travel_as_hex():
    value = 7 ** 20000
    data = protocol.encode(value, no_handles)
    assert data["$"] == "int"
    assert protocol.decode(data, no_handles) == value
