"""Peer code of the introspection checks (test_hidden.py's ZOO): it runs in the sandbox, beside the student's code."""

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


class Lazy:
    @property
    def value(self):
        raise AttributeError("not ready yet")


class Thing:
    kind = "thing"

    def hello(self):
        return "hi"


def fn():
    pass


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def make(attrs):
    t = Thing()
    for key, value in attrs.items():
        setattr(t, key, value)
    return t


def child_dir(obj):
    return sorted(dir(obj))


def zoo():
    return {"fn": fn, "lambda": lambda x: x, "abs": abs, "len": len, "upper": "abc".upper,
            "method": Dog("Rex").bark, "countdown": countdown, "gen": countdown(3),
            "genexp": (x for x in range(10)), "Dog": Dog, "Animal": Animal, "int": int, "str": str,
            "dog": Dog("Rex"), "complex": 2 + 3j, "lazy": Lazy(), "range": range(3),
            "make": make, "child_dir": child_dir}
