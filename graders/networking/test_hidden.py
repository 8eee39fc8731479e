"""Hidden checks for networking: a client that just closes, b'exit' first, Chinese names,
a server with other replies, several UDP clients, scheme prefixes and case; random inputs
compared with a reference computed here."""

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, hint, points

rigs = grader_module(__file__, "_rigs")
RIGS = rigs.RIGS
check_greetings = rigs.check_greetings
check_session = rigs.check_session
greet = rigs.greet
greeting = rigs.greeting
serve = rigs.serve
udp_exchange = rigs.udp_exchange


NAMES = ["Michael", "Tracy", "Sarah", "Bob", "小明", "李雷", "exits", "Exit", "a b c", "x" * 50, "José"]
SCHEMES = {"http": ("HTTP", False), "https": ("HTTPS", True), "ws": ("WebSocket", False), "wss": ("WebSocket", True)}
HOSTS = ["www.example.com", "news.example.org", "wss.example.net", "localhost:8080", "127.0.0.1", "api.https.io"]
PATHS = ["", "/", "/index.html", "/chat?room=ws", "/a/https/b", "/http://x"]


def reference_protocol(url):
    scheme, sep, _ = url.partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        return None
    return SCHEMES[scheme.lower()]


@exercise("handle_client")
class TestHandleClientHidden:
    @points(2)
    @hint(zh="recv 返回 b'' 表示客户端已经关闭了连接：这时也要 break，不能继续发送。",
          en="recv returning b'' means the client closed the connection: break then too, do not keep sending.")
    def test_client_closes_without_exit(self, networking):
        messages = [b"Bob", b"Adam"]
        log, label = serve(networking, messages, send_exit=False)
        check_session(log, messages, label, send_exit=False)

    @points(1)
    @hint(zh="data 是 bytes：和 b'exit' 比较，不要和 'exit' 比较（str 和 bytes 永远不相等）。",
          en="data is bytes: compare it with b'exit', not 'exit' (a str never equals bytes).")
    def test_exit_first(self, networking):
        log, label = serve(networking, [])
        check_session(log, [], label)

    @points(1)
    @hint(zh="收到 b'exit' 后跳出循环，然后 conn.close()。",
          en="After b'exit' leave the loop, then conn.close().")
    def test_closes_connection(self, networking):
        log, label = serve(networking, [b"Lisa"])
        check_session(log, [b"Lisa"], label)

    @points(2)
    def test_random_names(self, networking, rng):
        messages = [n.encode("utf-8") for n in rng.sample(NAMES, 4)]
        log, label = serve(networking, messages)
        check_session(log, messages, label)


@exercise("fetch_greetings")
class TestFetchGreetingsHidden:
    @points(2)
    @hint(zh="连上以后服务器先发 b'Welcome!'：先 recv 一次把它读掉，再开始发名字。",
          en="Right after connecting the server sends b'Welcome!': recv it once before sending any name.")
    def test_random_names(self, networking, rng):
        names = rng.sample(NAMES, 3)
        result, log, label = greet(networking, names)
        check_greetings(result, log, names, label, [f"Hello, {n}!" for n in names])

    @points(1)
    @hint(zh="返回服务器真正发回来的内容（decode 成 str），不要自己拼 'Hello, ...!'。",
          en="Return what the server really sent back (decoded to str); do not build 'Hello, ...!' yourself.")
    def test_other_server(self, networking, rng):
        names = rng.sample(["Tom", "Lisa", "小红", "ada"], 2)
        result, log, label = greet(networking, names, style="shout")
        check_greetings(result, log, names, label + "  # reply = b'HI ' + name.upper() + b'!!'",
                        [f"HI {n.upper()}!!" for n in names])

    @points(1)
    @hint(zh="没有名字时也要连接、读欢迎语、发送 b'exit'，然后返回 []。",
          en="With no names, still connect, read the welcome and send b'exit', then return [].")
    def test_no_names(self, networking):
        result, log, label = greet(networking, [])
        check_greetings(result, log, [], label, [])


@exercise("udp_hello")
class TestUdpHelloHidden:
    @points(2)
    @hint(zh="每次都回复给 recvfrom 刚告诉你的那个地址：sock.sendto(reply, addr)。",
          en="Always reply to the address recvfrom just gave you: sock.sendto(reply, addr).")
    def test_several_clients(self, networking, rng):
        udp_exchange(networking, [n.encode("utf-8") for n in rng.sample(NAMES, 3)])


@exercise("protocol_of")
class TestProtocolOfHidden:
    @points(2)
    @hint(zh="'https://' 也以 'http' 开头，'wss://' 也以 'ws' 开头：取出 '://' 前面的整个协议名再比较。",
          en="'https://' starts with 'http' too and 'wss://' with 'ws': take the whole scheme before '://' and compare that.")
    def test_random_urls(self, networking, rng):
        call(networking.protocol_of, "https://news.example.com/http").returns(("HTTPS", True))
        call(networking.protocol_of, "wss://chat.example.com/").returns(("WebSocket", True))
        call(networking.protocol_of, "http://news.example.com/https").returns(("HTTP", False))
        for _ in range(12):
            scheme = rng.choice(list(SCHEMES))
            url = f"{scheme}://{rng.choice(HOSTS)}{rng.choice(PATHS)}"
            call(networking.protocol_of, url).returns(SCHEMES[scheme])

    @points(1)
    @hint(zh="协议名不区分大小写：'HTTPS://' 和 'https://' 一样。",
          en="Schemes are case-insensitive: 'HTTPS://' is the same as 'https://'.")
    def test_upper_case(self, networking):
        call(networking.protocol_of, "HTTPS://WWW.EXAMPLE.COM/").returns(("HTTPS", True))
        call(networking.protocol_of, "Ws://chat.example.com").returns(("WebSocket", False))

    @points(2)
    @hint(zh="只有 http、https、ws、wss 四种；没有 '://' 或别的协议名都要 raise ValueError。",
          en="Only http, https, ws and wss exist here; no '://' or any other scheme raises ValueError.")
    def test_rejects(self, networking):
        for url in ["ftp://files.example.com", "file:///tmp/a.txt", "mailto:bob@example.com", "www.example.com",
                    "http:/www.example.com", "httpx://example.com", "", "sse://example.com/events", "https//example.com"]:
            call(networking.protocol_of, url).raises(ValueError)
