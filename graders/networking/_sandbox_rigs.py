"""Peer code of the networking checks (_rigs.py's RIGS): it runs in the sandbox, beside the student's code."""

import socket
import threading


def _error(exc):
    return type(exc).__name__ + ': ' + str(exc)


class TcpClientRig:
    """A client for handle_client: sends the messages one at a time, waiting for each
    reply, then b'exit' (or just closes).  ``conn`` is the server side of the connection."""

    def __init__(self, messages, send_exit=True):
        self.messages, self.send_exit = messages, send_exit
        self.log = {'welcome': None, 'replies': [], 'after_exit': None, 'error': None}
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.settimeout(1)
        listener.bind(('127.0.0.1', 0))
        listener.listen(1)
        self.client = threading.Thread(target=self._client, args=(listener.getsockname(),), daemon=True)
        self.client.start()
        try:
            self.conn, _ = listener.accept()
        finally:
            listener.close()
        self.conn.settimeout(1)

    def _client(self, address):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(1)
        try:
            s.connect(address)
            self.log['welcome'] = s.recv(1024)
            for m in self.messages:
                s.send(m)
                self.log['replies'].append(s.recv(1024))
            if self.send_exit:
                s.send(b'exit')
                self.log['after_exit'] = s.recv(1024)
        except OSError as exc:
            self.log['error'] = _error(exc)
        finally:
            s.close()

    def finish(self):
        closed = self.conn.fileno() == -1
        if not closed:
            self.conn.close()
        self.client.join(1.5)
        return dict(self.log, closed=closed)


class GreetServer:
    """A server for fetch_greetings: b'Welcome!', then one reply per message, until
    b'exit' or close.  style 'hello' answers b'Hello, <msg>!', 'shout' b'HI <MSG>!!'."""

    def __init__(self, style='hello'):
        self.style = style
        self.log = {'received': [], 'got_exit': False, 'error': None}
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.settimeout(1)
        listener.bind(('127.0.0.1', 0))
        listener.listen(1)
        self.port = listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, args=(listener,), daemon=True)
        self.thread.start()

    def reply(self, data):
        if self.style == 'shout':
            return ('HI ' + data.decode('utf-8').upper() + '!!').encode('utf-8')
        return b'Hello, ' + data + b'!'

    def _serve(self, listener):
        try:
            conn, _ = listener.accept()
        except OSError as exc:
            self.log['error'] = 'nobody connected (' + _error(exc) + ')'
            return
        finally:
            listener.close()
        conn.settimeout(1)
        try:
            conn.send(b'Welcome!')
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                if data == b'exit':
                    self.log['got_exit'] = True
                    break
                self.log['received'].append(data)
                conn.send(self.reply(data))
        except OSError as exc:
            self.log['error'] = _error(exc)
        finally:
            conn.close()

    def run(self, names):
        import networking
        old = socket.getdefaulttimeout()
        socket.setdefaulttimeout(1)
        try:
            return networking.fetch_greetings('127.0.0.1', self.port, names)
        finally:
            socket.setdefaulttimeout(old)

    def finish(self):
        self.thread.join(1.5)
        return self.log


class UdpRig:
    """A bound UDP server socket for udp_hello and n client sockets that send to it."""

    def __init__(self, n=1):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.server.settimeout(1)
        self.server.bind(('127.0.0.1', 0))
        self.clients = []
        for _ in range(n):
            c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            c.settimeout(1)
            c.bind(('127.0.0.1', 0))
            self.clients.append(c)

    def send(self, i, data):
        self.clients[i].sendto(data, self.server.getsockname())

    def reply(self, i):
        try:
            data, _ = self.clients[i].recvfrom(1024)
        except OSError:
            return None
        return data

    def close(self):
        for s in [self.server] + self.clients:
            s.close()
