# mutant-of: fetch_greetings
# mistake: reads each reply but returns the greeting it expects, not what the server sent

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
