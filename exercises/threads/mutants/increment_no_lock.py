# mutant-of: SafeCounter.increment
# mistake: increments without taking the lock

class SafeCounter:
    def __init__(self):
        self._value = 0
        self._lock = threading.Lock()

    def increment(self):
        self._value += 1

    @property
    def value(self):
        return self._value
