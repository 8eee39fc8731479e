# mutant-of: protocol_of
# mistake: looks for 'https' anywhere in the URL instead of in the scheme

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
        replies.append(s.recv(1024).decode('utf-8'))
    s.send(b'exit')
    s.close()
    return replies


def udp_hello(sock):
    data, addr = sock.recvfrom(1024)
    sock.sendto(b'Hello, ' + data + b'!', addr)


def protocol_of(url):
    u = url.lower()
    if '://' not in u:
        raise ValueError(f'unknown protocol: {url!r}')
    if 'wss' in u:
        return ('WebSocket', True)
    if 'ws' in u:
        return ('WebSocket', False)
    if 'https' in u:
        return ('HTTPS', True)
    if 'http' in u:
        return ('HTTP', False)
    raise ValueError(f'unknown protocol: {url!r}')
