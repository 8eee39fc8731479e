# mutant-of: enroll
# mistake: prints the four fields like the notes do instead of returning a dict

def enroll(name, gender, age=6, city='Beijing'):
    print('name:', name)
    print('gender:', gender)
    print('age:', age)
    print('city:', city)
