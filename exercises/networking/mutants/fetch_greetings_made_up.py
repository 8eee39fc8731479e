# mutant-of: fetch_greetings
# mistake: reads each reply but returns the greeting it expects, not what the server sent

import socket

PROTOCOLS = {
    'http': ('HTTP', False),
    'https': ('HTTPS', True),
    'ws': ('WebSocket', False),
    'wss': ('WebSocket', True),
}


def handle_client(conn):
    conn.send(b'Welcome!')
    while True:
        data = conn.recv(1024)
        if not data or data == b'exit':
            break
        conn.send(b'Hello, ' + data + b'!')
    conn.close()


def fetch_greetings(host, port, names):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    s.recv(1024)
    replies = []
    for name in names:
        s.send(name.encode('utf-8'))
        s.recv(1024)
        replies.append(f'Hello, {name}!')
    s.send(b'exit')
    s.close()
    return replies


def udp_hello(sock):
    data, addr = sock.recvfrom(1024)
    sock.sendto(b'Hello, ' + data + b'!', addr)


def protocol_of(url):
    scheme, sep, rest = url.partition('://')
    if not sep or scheme.lower() not in PROTOCOLS:
        raise ValueError(f'unknown protocol: {url!r}')
    return PROTOCOLS[scheme.lower()]
