# mutant-of: person
# mistake: forgets the extra keyword arguments

def person(name, age, **kw):
    info = {'name': name, 'age': age}
    return info
