# mutant-of: circle_area
# mistake: copies the digits of PI into the function instead of using the constant

def circle_area(r):
    return 3.141592653 * r ** 2
