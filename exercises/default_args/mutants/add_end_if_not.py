# mutant-of: add_end
# mistake: tests "if not L" instead of "if L is None", so an empty list passed in is replaced, not appended to

def power(x, n=2):
    s = 1
    while n > 0:
        n = n - 1
        s = s * x
    return s


def enroll(name, gender, age=6, city='Beijing'):
    return {'name': name, 'gender': gender, 'age': age, 'city': city}


def add_end(L=None):
    if not L:
        L = []
    L.append('END')
    return L
