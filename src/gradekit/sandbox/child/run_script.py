"""A student's file run as a program (``Server.op_script``), with its own stdin, stdout, stderr and folder.

In a fork of the topic's server where there is one: a fork costs milliseconds where a fresh
interpreter (inside bubblewrap) costs a tenth of a second, and the copy keeps every wall and limit
of the sandbox.  At the portable level, and on Windows, in a fresh interpreter instead.  Either way
a run that overruns its time is killed with whatever it started, and each stream keeps only its
first ``OUTPUT_CAP`` bytes.

Standard library only, like the rest of ``sandbox.child``.
"""

import json
import os
import select
import signal
import sys
import threading
import time

from gradekit.sandbox.child.scripts import run_as_main, script_stdio

#: Output kept per request or script stream; the rest is counted and dropped.
OUTPUT_CAP = 1024 * 1024


def fork_script(script, argv, data, folder, timeout):
    """The script in a fork of this process: (stdout, stderr, timed out, exit code)."""
    if sys.platform == "win32":
        raise OSError("scripts are forked at the Linux levels only")
    pipes = [os.pipe() for _ in range(3)]
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.setpgid(0, 0)
            for target, (r, w) in zip((0, 1, 2), pipes):
                os.dup2(r if target == 0 else w, target)
            os.closerange(3, 1 << 16)
            os.chdir(folder)
            script_stdio()
            code = run_as_main(script, argv)
        finally:
            os._exit(code if isinstance(code, int) else 1)
    os.close(pipes[0][0])
    os.close(pipes[1][1])
    os.close(pipes[2][1])
    stdin_w, out_r, err_r = pipes[0][1], pipes[1][0], pipes[2][0]
    try:
        os.write(stdin_w, data)
    except OSError:
        pass
    os.close(stdin_w)
    chunks = {out_r: [], err_r: []}
    sizes = {out_r: 0, err_r: 0}
    end = time.monotonic() + timeout
    open_fds = [out_r, err_r]
    timed_out = False
    while open_fds:
        left = end - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select(open_fds, [], [], left)
        for fd in ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                open_fds.remove(fd)
                continue
            if sizes[fd] < OUTPUT_CAP:
                chunks[fd].append(chunk[: OUTPUT_CAP - sizes[fd]])
            sizes[fd] += len(chunk)
    if timed_out:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
    _, status = os.waitpid(pid, 0)
    for fd in (out_r, err_r):
        os.close(fd)
    try:
        os.killpg(pid, signal.SIGKILL)  # anything the script left running
    except OSError:
        pass
    return b"".join(chunks[out_r]), b"".join(chunks[err_r]), timed_out, os.waitstatus_to_exitcode(status)


def _drain(stream, keep):
    """Read ``stream`` to its end, keeping its first OUTPUT_CAP bytes (the rest is read and dropped)."""
    size = 0
    while True:
        try:
            chunk = stream.read(65536)
        except (OSError, ValueError):
            return
        if not chunk:
            return
        if size < OUTPUT_CAP:
            keep.append(chunk[: OUTPUT_CAP - size])
        size += len(chunk)


def spawn_script(script, src, argv, data, folder, timeout):
    """The script in a fresh interpreter (no fork needed): (stdout, stderr, timed out, exit code).

    Reader threads rather than select(): on Windows select() takes sockets only.
    """
    import subprocess

    config = json.dumps({"script": script, "src": src, "argv": list(argv)})
    proc = subprocess.Popen([sys.executable, "-I", "-B", "-X", "utf8", "-m", "gradekit.sandbox.child.scripts", config],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=folder,
                            start_new_session=sys.platform != "win32")
    out, err = [], []
    readers = [threading.Thread(target=_drain, args=(proc.stdout, out), daemon=True),
               threading.Thread(target=_drain, args=(proc.stderr, err), daemon=True)]
    for reader in readers:
        reader.start()
    try:
        proc.stdin.write(data)
    except OSError:
        pass
    try:
        proc.stdin.close()
    except OSError:
        pass
    timed_out = False
    try:
        code = proc.wait(timeout)
    except subprocess.TimeoutExpired:
        timed_out, code = True, None
    if sys.platform != "win32":
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # anything the script left running
        except OSError:
            pass
    proc.kill()
    proc.wait()
    for reader in readers:
        reader.join(1.0)   # a grandchild may still hold the pipe; the topic's end kills it
    return b"".join(out), b"".join(err), timed_out, code
