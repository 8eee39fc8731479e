# mutant-of: city_person
# mistake: forgets the * separator, so city and job can be passed by position

def city_person(name, age, job, city='Beijing'):
    return {'name': name, 'age': age, 'city': city, 'job': job}
