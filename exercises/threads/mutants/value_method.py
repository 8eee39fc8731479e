# mutant-of: SafeCounter.value
# mistake: writes value as a plain method instead of a property

class SafeCounter:
    def __init__(self):
        self._value = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            self._value += 1

    def value(self):
        return self._value
