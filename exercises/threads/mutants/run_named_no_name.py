# mutant-of: run_named
# mistake: forgets to pass name= to Thread, so the thread keeps its default name

import threading


def run_named(func, name):
    results = []

    def target():
        results.append(func())

    t = threading.Thread(target=target)
    t.start()
    t.join()
    return results[0]


class SafeCounter:
    def __init__(self):
        self._value = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            self._value += 1

    @property
    def value(self):
        return self._value
