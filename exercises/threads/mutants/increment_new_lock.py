# mutant-of: SafeCounter.increment
# mistake: creates a new Lock on every call, so the threads never share one

class SafeCounter:
    def __init__(self):
        self._value = 0
        self._lock = threading.Lock()

    def increment(self):
        with threading.Lock():
            self._value += 1

    @property
    def value(self):
        return self._value
