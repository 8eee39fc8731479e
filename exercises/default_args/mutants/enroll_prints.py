# mutant-of: enroll
# mistake: prints the four fields like the notes do instead of returning a dict

def power(x, n=2):
    s = 1
    while n > 0:
        n = n - 1
        s = s * x
    return s


def enroll(name, gender, age=6, city='Beijing'):
    print('name:', name)
    print('gender:', gender)
    print('age:', age)
    print('city:', city)


def add_end(L=None):
    if L is None:
        L = []
    L.append('END')
    return L
