# mutant-of: circle_area
# mistake: hard-codes 3.14 instead of using the constant PI

def circle_area(r):
    return 3.14 * r ** 2
