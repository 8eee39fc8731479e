# mutant-of: handle_client
# mistake: compares the decoded str with b'exit', which is never equal, so exit is greeted instead

def handle_client(conn):
    conn.send(b'Welcome!')
    while True:
        data = conn.recv(1024)
        if not data or data.decode('utf-8') == b'exit':
            break
        conn.send(b'Hello, ' + data + b'!')
    conn.close()
