# mutant-of: handle_client
# mistake: only stops at b'exit', so a client that just closes makes it send to a dead socket

def handle_client(conn):
    conn.send(b'Welcome!')
    while True:
        data = conn.recv(1024)
        if data == b'exit':
            break
        conn.send(b'Hello, ' + data + b'!')
    conn.close()
