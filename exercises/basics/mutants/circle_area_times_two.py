# mutant-of: circle_area
# mistake: writes r * 2 instead of r ** 2

def circle_area(r):
    return PI * r * 2
