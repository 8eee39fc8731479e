"""Reference solution for default_args (instructor only; never released)."""


def power(x, n=2):
    s = 1
    while n > 0:
        n = n - 1
        s = s * x
    return s


def enroll(name, gender, age=6, city='Beijing'):
    return {'name': name, 'gender': gender, 'age': age, 'city': city}


def add_end(L=None):
    if L is None:
        L = []
    L.append('END')
    return L
