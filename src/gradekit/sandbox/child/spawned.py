"""One topic's request server started as a fresh interpreter (the ``portable`` level).

``python -I -B -m gradekit.sandbox.child.spawned CONFIG``, started by
``gradekit.sandbox.portable`` where there is no fork server (Windows, macOS, or
a forced portable level).  Requests come on standard input and replies go out on
standard output, because pipes passed that way are the one channel all three
systems give a child.  Both are moved off fds 0 and 1 before any student code
runs: what a student reads from stdin is empty and what they write to fd 1 is
lost, so neither can reach the protocol.
"""

import json
import os
import sys

from gradekit.sandbox.child import landlock, seccomp
from gradekit.sandbox.child.oslimits import prepare
from gradekit.sandbox.child.server import Server


def private_stdio():
    """The request and reply pipes on fds of their own; fds 0 and 1 become the null device."""
    requests, replies = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)   # sys.stdin and sys.stdout still wrap fds 0 and 1: they now read and write nothing
    return requests, replies


def main():
    config = json.loads(sys.argv[1])
    requests, replies = private_stdio()
    prepare(config)
    os.makedirs(config["scratch"], exist_ok=True)
    landlock.apply(config)   # Linux with Landlock only: the trusted side asks for nothing elsewhere
    seccomp.install()        # Linux: no stop signals, ptrace or signalling fcntl, whatever Landlock scopes
    os.chdir(config["scratch"])
    sys.path[0:0] = [config["src"]]
    rfile = os.fdopen(requests, "rb", buffering=1 << 16)
    Server({**config, "spawn": True}).serve(rfile, replies)
    os._exit(0)


if __name__ == "__main__":
    main()
