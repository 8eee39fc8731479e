"""Peer code of the introspection checks (test_public.py's ZOO): it runs in the sandbox, beside the student's code."""

class Animal:
    def run(self):
        return "Animal is running..."


class Dog(Animal):
    legs = 4
    _secret = "bone"

    def __init__(self, name):
        self.name = name
        self._age = 3

    def bark(self):
        return "Woof"


def fn():
    pass


def ticks():
    yield 1


class Box:
    zero = 0
    flag = False


def zoo():
    return {"fn": fn, "abs": abs, "Dog": Dog, "dog": Dog("Rex"),
            "gen": (x for x in range(10)), "lambda": lambda x: x,
            "sorted": sorted, "box": Box(), "ticks": ticks}
