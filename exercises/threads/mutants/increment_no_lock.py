# mutant-of: SafeCounter.increment
# mistake: increments without taking the lock

import threading


def run_named(func, name):
    results = []

    def target():
        results.append(func())

    t = threading.Thread(target=target, name=name)
    t.start()
    t.join()
    return results[0]


class SafeCounter:
    def __init__(self):
        self._value = 0
        self._lock = threading.Lock()

    def increment(self):
        self._value += 1

    @property
    def value(self):
        return self._value
