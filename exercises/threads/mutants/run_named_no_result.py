# mutant-of: run_named
# mistake: runs func in the thread but throws its result away and returns None

import threading


def run_named(func, name):
    t = threading.Thread(target=func, name=name)
    t.start()
    t.join()


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
