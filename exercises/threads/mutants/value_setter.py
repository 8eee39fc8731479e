# mutant-of: SafeCounter.value
# mistake: adds a setter, so value can be changed from outside

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
