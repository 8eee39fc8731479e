# mutant-of: move
# mistake: returns a list instead of a tuple

def move(x, y, step, angle=0):
    nx = x + step * math.cos(angle)
    ny = y - step * math.sin(angle)
    return [nx, ny]
