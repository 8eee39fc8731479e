# mutant-of: power
# mistake: starts from s = x and loops while n > 1, so power(x, 0) returns x instead of 1

def power(x, n=2):
    s = x
    while n > 1:
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
