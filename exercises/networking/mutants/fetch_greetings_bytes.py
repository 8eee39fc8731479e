# mutant-of: fetch_greetings
# mistake: returns the replies as bytes instead of str

def fetch_greetings(host, port, names):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    s.recv(1024)
    replies = []
    for name in names:
        s.send(name.encode('utf-8'))
        replies.append(s.recv(1024))
    s.send(b'exit')
    s.close()
    return replies
