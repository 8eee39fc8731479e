# mutant-of: SafeCounter.value
# mistake: adds a setter, so value can be changed from outside

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
        with self._lock:
            self._value += 1

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, new):
        self._value = new
