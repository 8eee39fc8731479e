# mutant-of: power
# mistake: uses the ** operator instead of the loop the exercise asks for

def power(x, n=2):
    return x ** n


def enroll(name, gender, age=6, city='Beijing'):
    return {'name': name, 'gender': gender, 'age': age, 'city': city}


def add_end(L=None):
    if L is None:
        L = []
    L.append('END')
    return L
