# mutant-of: move
# mistake: adds sin instead of subtracting it for y

def move(x, y, step, angle=0):
    nx = x + step * math.cos(angle)
    ny = y + step * math.sin(angle)
    return nx, ny
