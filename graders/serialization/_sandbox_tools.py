"""Peer code of the serialization checks (_tools.py's TOOLS): it runs in the sandbox, beside the student's code."""

import pickle

MISSING = '<no such attribute>'


class Std:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


class Tools:
    Std = Std

    @staticmethod
    def write_pickle(path, obj):
        with open(path, 'wb') as f:
            pickle.dump(obj, f)

    @staticmethod
    def read_pickle(path):
        try:
            with open(path, 'rb') as f:
                return ['ok', pickle.load(f)]
        except FileNotFoundError:
            return ['missing', None]
        except Exception as exc:
            return ['bad', type(exc).__name__ + ': ' + str(exc)]

    @staticmethod
    def attrs(obj):
        return {k: getattr(obj, k, MISSING) for k in ('name', 'age', 'score')}

    @staticmethod
    def describe(obj):
        import serialization
        return [isinstance(obj, serialization.Student), type(obj).__name__, Tools.attrs(obj)]

    @staticmethod
    def reference(name, age, score):
        import serialization
        return Tools.attrs(serialization.Student(name, age, score))
