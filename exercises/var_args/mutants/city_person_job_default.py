# mutant-of: city_person
# mistake: gives job a default (None), so leaving job out does not raise TypeError

def city_person(name, age, *, city='Beijing', job=None):
    return {'name': name, 'age': age, 'city': city, 'job': job}
