"""Peer code of the iteration checks (test_hidden.py's SAMPLES): it runs in the sandbox, beside the student's code."""

def sample(kind):
    def gen():
        yield 1
    class Plain:
        pass
    return {
        'range': lambda: range(3),
        'generator': gen,
        'map': lambda: map(str, [1, 2]),
        'zip': lambda: zip('ab', 'cd'),
        'dict_items': lambda: {'a': 1}.items(),
        'function': lambda: len,
        'class': Plain,
    }[kind]()
