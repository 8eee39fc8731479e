"""The untrusted fork server: one sandboxed interpreter per submission, a fork of it per topic.

Started by ``gradekit.sandbox.forkserver`` as ``python -I -B -m gradekit.sandbox.child.forkserver
CONFIG`` at the bwrap and process levels, which exist only on Linux (fork, ``/proc``,
``prctl``; ``gradekit.sandbox.isolation`` never picks them elsewhere, and the portable level
never imports this module).  It lowers its own resource limits, imports everything a
topic needs *before* any student file can shadow a module, and forks a fresh request
server (``gradekit.sandbox.child.server.Server``) for each topic.  It is the subreaper of
everything its topics start and kills whatever a finished topic left running.

At the process level it then raises its Landlock walls (``landlock``), which
every topic inherits: writes only to the scratch folder, reads only of the
system, Python, gradekit and the submission's copy, and no signal to any
process outside.  A student can still kill this process (it shares their
domain); what it started then goes to the trusted pytest process, itself a
subreaper, which kills it.
"""

import json
import os
import signal
import socket
import sys

assert sys.platform != "win32", "the fork server runs at the Linux levels only"

from gradekit.sandbox.child import landlock, seccomp  # noqa: E402
from gradekit.sandbox.child.oslimits import PR_SET_CHILD_SUBREAPER, die_with_parent, prctl, prepare  # noqa: E402
from gradekit.sandbox.child.server import Server  # noqa: E402


class ChildForkServer:
    """Forks one request server per topic of a submission, and cleans up after each.

    Control messages arrive on a datagram socket, each with the new child's
    pipes attached.  The fork server never runs student code itself; it is the
    subreaper of everything its topics start, so a daemon that left its process
    group still comes back to it and is killed when its topic ends.
    """

    def __init__(self, config):
        self.config = config
        self.sock = socket.socket(fileno=config["control_fd"])
        self.live = {}        # token -> (pid, status fd)

    def reap(self, *_):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.reaped(pid, status)

    def reaped(self, pid, status):
        """A child is gone: if it served a topic, tell the parent how it ended."""
        for token, (child, fd) in list(self.live.items()):
            if child == pid:
                del self.live[token]
                try:
                    os.write(fd, b"exit %d\n" % os.waitstatus_to_exitcode(status))
                    os.close(fd)
                except OSError:
                    pass

    def fork(self, req, fds):
        req_r, resp_w, status_w, err_w = fds
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            pid = os.fork()
            if pid == 0:
                self.become_topic(req, req_r, resp_w, err_w)
            self.live[req["token"]] = (pid, status_w)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        for fd in (req_r, resp_w, err_w):
            os.close(fd)

    def become_topic(self, req, req_r, resp_w, err_w):
        code = 1
        try:
            parent = os.getppid()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            os.setsid()  # its own process group: killing the topic kills everything it started
            die_with_parent()
            if os.getppid() != parent:
                os._exit(1)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.dup2(err_w, 2)
            keep = {0, 1, 2, req_r, resp_w}
            for name in os.listdir("/proc/self/fd"):
                if int(name) not in keep:
                    try:
                        os.close(int(name))
                    except OSError:
                        pass
            src = req["src"]
            os.makedirs(req["scratch"], exist_ok=True)
            os.chdir(req["scratch"])
            sys.path[0:0] = [src]
            rfile = os.fdopen(req_r, "rb", buffering=1 << 16)
            Server({**self.config, "src": src, "scratch": req["scratch"]}).serve(rfile, resp_w)
            code = 0
        finally:
            os._exit(code)

    def children(self):
        """This process's children that no topic owns: what finished topics left behind."""
        me, owned, found = os.getpid(), {pid for pid, _ in self.live.values()}, []
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == me and fields[0] != b"Z" and int(name) not in owned:
                found.append(int(name))
        return found

    def kill(self, token):
        """Kill a topic's child, wait until it is gone, then everything it left behind.

        Waiting matters: a process's children come to this subreaper only once it has
        exited, so a sweep right after the signal would miss them.
        """
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            entry = self.live.get(token)
            if entry is not None:
                self.terminate([entry[0]])
            self.reap()
            self.sweep()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})

    def terminate(self, pids):
        for pid in pids:
            for send in (os.killpg, os.kill):
                try:
                    send(pid, signal.SIGKILL)
                except OSError:
                    pass
        for pid in pids:
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:
                continue
            self.reaped(pid, status)

    def sweep(self, rounds=200):
        """Kill every process left behind, until none is: each death may hand over more orphans."""
        for _ in range(rounds):
            strays = self.children()
            if not strays:
                return
            self.terminate(strays)

    def serve(self):
        prctl(PR_SET_CHILD_SUBREAPER, 1)
        signal.signal(signal.SIGCHLD, self.reap)
        while True:
            try:
                msg, fds, _flags, _addr = socket.recv_fds(self.sock, 65536, 8)
            except OSError:
                break
            if not msg:
                break
            req = json.loads(msg)
            if req["op"] == "fork" and len(fds) == 4:
                self.fork(req, fds)
                continue
            for fd in fds:
                os.close(fd)
            if req["op"] == "exit":
                break
            if req["op"] == "kill":
                self.kill(req["token"])
                self.sock.send(b"ok")
        for token in list(self.live):
            self.kill(token)


def main():
    """Started as ``python -I -B -m gradekit.sandbox.child.forkserver CONFIG``: a submission's fork server."""
    config = json.loads(sys.argv[1])
    prepare(config)
    # Everything a topic needs is imported: from here on this process and all it forks may write only
    # to the scratch folder, read only the system and the submission's copy, signal only each other.
    landlock.apply(config)
    # Below Landlock ABI 6 nothing else keeps a child from freezing the runner itself (``seccomp``).
    seccomp.install()
    ChildForkServer(config).serve()


if __name__ == "__main__":
    main()
