# mutant-of: fetch_greetings
# mistake: closes without sending b'exit'

def fetch_greetings(host, port, names):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    s.recv(1024)
    replies = []
    for name in names:
        s.send(name.encode('utf-8'))
        replies.append(s.recv(1024).decode('utf-8'))
    s.close()
    return replies
