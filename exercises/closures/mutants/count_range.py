# mutant-of: count
# mistake: loops over range(3), so the functions give 0, 1, 4

def count():
    fs = []
    for i in range(3):
        fs.append(lambda j=i: j * j)
    return fs
