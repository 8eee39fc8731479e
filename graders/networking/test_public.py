"""Public checks for networking: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, points, public

rigs = grader_module(__file__, "_rigs")
RIGS = rigs.RIGS
check_greetings = rigs.check_greetings
check_session = rigs.check_session
greet = rigs.greet
greeting = rigs.greeting
serve = rigs.serve
udp_exchange = rigs.udp_exchange


@exercise("handle_client")
class TestHandleClient:
    @public
    @points(3)
    def test_notes_session(self, networking):
        messages = [b"Michael", b"Tracy", b"Sarah"]
        log, label = serve(networking, messages)
        check_session(log, messages, label)


@exercise("fetch_greetings")
class TestFetchGreetings:
    @public
    @points(3)
    def test_notes_names(self, networking):
        names = ["Michael", "Tracy", "Sarah"]
        result, log, label = greet(networking, names)
        check_greetings(result, log, names, label, ["Hello, Michael!", "Hello, Tracy!", "Hello, Sarah!"])

    @public
    @points(1)
    def test_replies_as_sent(self, networking):
        # Bold in the statement: the replies the server actually sent, not the ones you expect.
        names = ["Kim"]
        result, log, label = greet(networking, names, style="shout")
        check_greetings(result, log, names, label + "  # reply = b'HI ' + name.upper() + b'!!'", ["HI KIM!!"])


@exercise("udp_hello")
class TestUdpHello:
    @public
    @points(2)
    def test_one_datagram(self, networking):
        udp_exchange(networking, [b"Michael"])


@exercise("protocol_of")
class TestProtocolOf:
    @public
    @points(1)
    def test_http(self, networking):
        call(networking.protocol_of, "http://www.example.com/index.html").returns(("HTTP", False))
        call(networking.protocol_of, "https://www.example.com/").returns(("HTTPS", True))

    @public
    @points(1)
    def test_websocket(self, networking):
        call(networking.protocol_of, "ws://chat.example.com/room").returns(("WebSocket", False))
        call(networking.protocol_of, "wss://chat.example.com/room").returns(("WebSocket", True))

    @public
    @points(1)
    def test_unknown(self, networking):
        call(networking.protocol_of, "ftp://files.example.com/a.txt").raises(ValueError)
