# mutant-of: add_end
# mistake: uses a mutable default L=[], so bare calls share and grow one list

def power(x, n=2):
    s = 1
    while n > 0:
        n = n - 1
        s = s * x
    return s


def enroll(name, gender, age=6, city='Beijing'):
    return {'name': name, 'gender': gender, 'age': age, 'city': city}


def add_end(L=[]):
    L.append('END')
    return L
