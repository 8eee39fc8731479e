"""网络编程：TCP、UDP 和协议 / Networking: TCP, UDP and protocols -- see exercises/networking/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

import socket


def handle_client(conn):
    """服务器端：conn 是已经连上的 TCP socket。先发送 b'Welcome!'，然后每收到一条消息 msg
    就回复 b'Hello, ' + msg + b'!'；收到 b'exit' 或对方关闭连接（recv 返回 b''）时停止，
    最后关闭 conn。

    Server side: conn is a connected TCP socket. Send b'Welcome!', then answer every
    message msg with b'Hello, ' + msg + b'!'; stop on b'exit' or when the client closes
    the connection (recv returns b''), and close conn at the end.
    """
    raise NotImplementedError


def fetch_greetings(host, port, names):
    """客户端：连接 (host, port)，读掉欢迎语，依次发送每个名字（UTF-8）并收回复，
    最后发送 b'exit' 并关闭；返回回复组成的 list（str）。

    Client side: connect to (host, port), read the welcome, send each name (UTF-8) and
    receive its reply, then send b'exit' and close; return the replies as a list of str.
    """
    raise NotImplementedError


def udp_hello(sock):
    """sock 是一个已经 bind 好的 UDP socket：收一个数据报 data，向发送者回复
    b'Hello, ' + data + b'!'。

    sock is a bound UDP socket: receive one datagram data and answer its sender with
    b'Hello, ' + data + b'!'.
    """
    raise NotImplementedError


def protocol_of(url):
    """按 '://' 前面的协议名（不区分大小写）返回 (协议, 是否加密)：
    http -> ('HTTP', False)，https -> ('HTTPS', True)，ws -> ('WebSocket', False)，
    wss -> ('WebSocket', True)；其他情况抛出 ValueError。

    By the scheme before '://' (case-insensitive) return (protocol, encrypted):
    http -> ('HTTP', False), https -> ('HTTPS', True), ws -> ('WebSocket', False),
    wss -> ('WebSocket', True); anything else raises ValueError.
    """
    raise NotImplementedError
