"""Reference solution for serialization (instructor only; never released)."""

import json
import pickle


def save_pickle(obj, path):
    with open(path, 'wb') as f:
        pickle.dump(obj, f)


def load_pickle(path):
    with open(path, 'rb') as f:
        return pickle.load(f)


class Student(object):
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


def student2dict(std):
    return {
        'name': std.name,
        'age': std.age,
        'score': std.score,
    }


def dict2student(d):
    return Student(d['name'], d['age'], d['score'])


def student_to_json(std):
    return json.dumps(std, default=lambda obj: {'name': obj.name, 'age': obj.age, 'score': obj.score},
                      ensure_ascii=False)


def student_from_json(text):
    return json.loads(text, object_hook=lambda d: Student(d['name'], d['age'], d['score']))
