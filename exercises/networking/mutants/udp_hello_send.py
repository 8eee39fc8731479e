# mutant-of: udp_hello
# mistake: answers with sock.send(), which a UDP socket cannot do without an address

def udp_hello(sock):
    data, addr = sock.recvfrom(1024)
    sock.send(b'Hello, ' + data + b'!')
