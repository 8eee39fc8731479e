# mutant-of: power
# mistake: loops over range(1, n), multiplying only n - 1 times

def power(x, n=2):
    s = 1
    for _ in range(1, n):
        s = s * x
    return s


def enroll(name, gender, age=6, city='Beijing'):
    return {'name': name, 'gender': gender, 'age': age, 'city': city}


def add_end(L=None):
    if L is None:
        L = []
    L.append('END')
    return L
