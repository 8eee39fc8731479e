"""Reference solution for var_args (instructor only; never released)."""


def calc(*numbers):
    total = 0
    for n in numbers:
        total = total + n * n
    return total


def mul(*numbers):
    if not numbers:
        raise TypeError('mul() needs at least one number')
    result = 1
    for n in numbers:
        result = result * n
    return result


def person(name, age, **kw):
    info = {'name': name, 'age': age}
    info.update(kw)
    return info


def city_person(name, age, *, city='Beijing', job):
    return {'name': name, 'age': age, 'city': city, 'job': job}
