# mutant-of: enroll
# mistake: puts city before age, so enroll('Bob', 'M', 7) sets the city to 7

def power(x, n=2):
    s = 1
    while n > 0:
        n = n - 1
        s = s * x
    return s


def enroll(name, gender, city='Beijing', age=6):
    return {'name': name, 'gender': gender, 'age': age, 'city': city}


def add_end(L=None):
    if L is None:
        L = []
    L.append('END')
    return L
