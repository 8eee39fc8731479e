"""Peers for the networking graders, shared by the public and hidden checks (ships to students).

Loaded with ``gradekit.grader.grader_module``; nothing here is secret.
"""

from gradekit.grader import call, expect, fail, helper, sandbox_source

# Runs in the sandbox child, next to the student's code: the peers of the student's
# sockets.  Everything is on 127.0.0.1 with an ephemeral port, and every socket has a
# 1 s timeout, so a wrong answer never hangs a check.
RIGS = sandbox_source(__file__, "_sandbox_rigs")


def greeting(msg: bytes) -> bytes:
    return b"Hello, " + msg + b"!"


def serve(topic, messages, send_exit=True):
    """Run the student's handle_client against a client sending ``messages``; return its log."""
    rig = helper(topic, RIGS, "TcpClientRig")(messages, send_exit)
    sent = messages + [b"exit"] if send_exit else messages
    steps = [f"client.send({m!r})" for m in sent] + ([] if send_exit else ["client.close()"])
    label = "handle_client(conn)  # " + "; ".join(steps)
    call(topic.handle_client, rig.conn).as_(label).result()
    return rig.finish(), label


def check_session(log, messages, label, send_exit=True):
    if log["welcome"] != b"Welcome!":
        fail(zh=f"{label}\n客户端连上后先收到的应该是 b'Welcome!'，实际收到 {log['welcome']!r}。",
             en=f"{label}\nthe client should first receive b'Welcome!', but it received {log['welcome']!r}.")
    want = [greeting(m) for m in messages]
    if log["replies"] != want:
        fail(zh=f"{label}\n期望的回复：{want!r}\n实际的回复：{log['replies']!r}"
                + (f"\n客户端出错：{log['error']}" if log["error"] else ""),
             en=f"{label}\nexpected replies: {want!r}\nactual replies:   {log['replies']!r}"
                + (f"\nthe client got: {log['error']}" if log["error"] else ""))
    if send_exit and log["after_exit"] not in (b"", None):
        fail(zh=f"{label}\n收到 b'exit' 以后应该停止并关闭连接，实际又发送了 {log['after_exit']!r}。",
             en=f"{label}\nafter b'exit' the server should stop and close the connection, but it sent {log['after_exit']!r}.")
    if log["error"]:
        fail(zh=f"{label}\n客户端出错：{log['error']}", en=f"{label}\nthe client got: {log['error']}")
    if not log["closed"]:
        fail(zh=f"{label}\nhandle_client 返回了，但没有关闭连接：最后要 conn.close()。",
             en=f"{label}\nhandle_client returned without closing the connection: call conn.close() at the end.")


def greet(topic, names, style="hello"):
    """Run the student's fetch_greetings against a server; return (result, server log, label)."""
    rig = helper(topic, RIGS, "GreetServer")(style)
    label = f"fetch_greetings('127.0.0.1', {rig.port}, {names!r})"
    result = call(rig.run, names).as_(label).result()
    return result, rig.finish(), label


def check_greetings(result, log, names, label, expected):
    expect(result, expected, call=label)
    if log["received"] != [n.encode("utf-8") for n in names]:
        fail(zh=f"{label}\n服务器应该依次收到 {[n.encode('utf-8') for n in names]!r}，实际收到 {log['received']!r}。"
                "每个名字单独发送，收到回复以后再发下一个。",
             en=f"{label}\nthe server should receive {[n.encode('utf-8') for n in names]!r} one by one, "
                f"but it received {log['received']!r}. Send each name on its own and wait for its reply before the next.")
    if not log["got_exit"]:
        fail(zh=f"{label}\n最后要发送 b'exit' 告诉服务器结束，服务器没有收到。",
             en=f"{label}\nat the end send b'exit' to tell the server you are done; the server never got it.")


def udp_exchange(topic, messages):
    """Each message comes from its own client; udp_hello is called once per message."""
    rig = helper(topic, RIGS, "UdpRig")(len(messages))
    try:
        for i, m in enumerate(messages):
            rig.send(i, m)
        for i, m in enumerate(messages):
            call(topic.udp_hello, rig.server).as_(f"client{i + 1}.sendto({m!r}, addr); udp_hello(sock)").result()
        for i, m in enumerate(messages):
            got = rig.reply(i)
            if got is None:
                fail(zh=f"udp_hello(sock) 之后，发送 {m!r} 的客户端 {i + 1} 没有收到回复：用 sock.sendto(回复, addr) 发回给 recvfrom 得到的地址。",
                     en=f"after udp_hello(sock), client {i + 1}, which sent {m!r}, got no reply: answer with sock.sendto(reply, addr) to the address recvfrom gave you.")
            expect(got, greeting(m), call=f"client{i + 1}.sendto({m!r}, addr); udp_hello(sock); client{i + 1}.recvfrom(1024)[0]")
    finally:
        rig.close()
