# mutant-of: run_named
# mistake: starts the thread with target=func, then calls func() again in the caller to get a result

import threading


def run_named(func, name):
    t = threading.Thread(target=func, name=name)
    t.start()
    t.join()
    return func()


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
