# mutant-of: enroll
# mistake: puts city before age, so enroll('Bob', 'M', 7) sets the city to 7

def enroll(name, gender, city='Beijing', age=6):
    return {'name': name, 'gender': gender, 'age': age, 'city': city}
