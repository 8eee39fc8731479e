"""Peer code of the processes checks (_tools.py's PROBE): it runs in the sandbox, beside the student's code."""

import multiprocessing
import os
import sys
import types

PROBE_SRC = """
import os

LOG = None
CALLER = None
EVENT = None


def _make(value, role):
    n = Num(value)
    n.role = role
    return n


class Num(int):
    role = ''

    def _note(self):
        with open(LOG, 'a') as f:
            f.write(str(os.getpid()) + '\\n')
        if self.role == 'first' and os.getpid() != CALLER:
            EVENT.wait(1.0)

    def _done(self, value):
        if self.role == 'last':
            EVENT.set()
        return value

    def __mul__(self, other):
        self._note()
        return self._done(int(self) * int(other))

    __rmul__ = __mul__

    def __pow__(self, exponent, modulo=None):
        self._note()
        return self._done(pow(int(self), exponent, modulo))

    def __reduce__(self):
        return (_make, (int(self), self.role))
"""


class Rig:
    def __init__(self):
        # The probe's module and Event reach the workers by inheritance: use fork.
        try:
            multiprocessing.set_start_method('fork', force=True)
        except (ValueError, RuntimeError):
            pass
        mod = sys.modules.get('gradekit_probe')
        if mod is None:
            mod = types.ModuleType('gradekit_probe')
            exec(PROBE_SRC, mod.__dict__)
            sys.modules['gradekit_probe'] = mod
        self.mod = mod
        mod.LOG = os.path.abspath('probe.log')
        open(mod.LOG, 'w').close()
        mod.CALLER = os.getpid()
        mod.EVENT = multiprocessing.Event()

    def numbers(self, values, first_finishes_last=False):
        roles = [''] * len(values)
        if first_finishes_last:
            roles[0], roles[-1] = 'first', 'last'
        return [self.mod._make(v, r) for v, r in zip(values, roles)]

    def run(self, values, workers, first_finishes_last=False):
        import processes
        return processes.parallel_squares(self.numbers(values, first_finishes_last), workers)

    def pids(self):
        with open(self.mod.LOG) as f:
            return self.mod.CALLER, sorted({int(line) for line in f if line.strip()})
