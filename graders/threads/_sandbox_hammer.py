"""Peer code of the threads checks (_tools.py's HAMMER): it runs in the sandbox, beside the student's code."""

import os
import sys
import threading


def read_value(counter):
    value = counter.value
    return value() if callable(value) else value


def hammer(counter, n_threads, per_thread, traced=False):
    """Run counter.increment() from n_threads threads.  When traced, every opcode executed
    in the student's file yields the CPU, so a read-modify-write without a shared lock
    gets interrupted between its read and its write."""
    student_file = sys.modules['threads'].__file__
    pause = getattr(os, 'sched_yield', None) or (lambda: None)

    def local(frame, event, arg):
        if event == 'opcode':
            pause()
        return local

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == student_file:
            frame.f_trace_opcodes = True
            return local
        return None

    start = threading.Barrier(n_threads)
    errors = []

    def work():
        try:
            start.wait(1)
            if traced:
                sys.settrace(tracer)
            try:
                for _ in range(per_thread):
                    counter.increment()
            finally:
                sys.settrace(None)
        except BaseException as exc:
            errors.append(exc)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        workers = [threading.Thread(target=work) for _ in range(n_threads)]
        for t in workers:
            t.start()
        for t in workers:
            t.join(1.5)
    finally:
        sys.setswitchinterval(old)
    if errors:
        raise errors[0]
    if any(t.is_alive() for t in workers):
        raise RuntimeError('increment() never returned in some threads: is the lock released?')
    return read_value(counter)
