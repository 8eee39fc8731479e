# mutant-of: emptiness
# mistake: compares x == False, which is not the same as being falsy ([] == False is False)

def emptiness(x):
    if x == False:
        return 'empty'
    else:
        return 'non-empty'
