# mutant-of: power
# mistake: uses the ** operator instead of the loop the exercise asks for

def power(x, n=2):
    return x ** n
