# mutant-of: udp_hello
# mistake: forgets the '!' at the end of the greeting

def udp_hello(sock):
    data, addr = sock.recvfrom(1024)
    sock.sendto(b'Hello, ' + data, addr)
