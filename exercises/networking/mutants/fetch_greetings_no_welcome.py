# mutant-of: fetch_greetings
# mistake: forgets to read the welcome message first

def fetch_greetings(host, port, names):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    replies = []
    for name in names:
        s.send(name.encode('utf-8'))
        replies.append(s.recv(1024).decode('utf-8'))
    s.send(b'exit')
    s.close()
    return replies
