# mutant-of: person
# mistake: returns the extra keywords nested under 'other' instead of merged in

def person(name, age, **kw):
    info = {'name': name, 'age': age}
    info['other'] = kw
    return info
