# mutant-of: handle_client
# mistake: forgets the '!' at the end of the greeting

def handle_client(conn):
    conn.send(b'Welcome!')
    while True:
        data = conn.recv(1024)
        if not data or data == b'exit':
            break
        conn.send(b'Hello, ' + data)
    conn.close()
