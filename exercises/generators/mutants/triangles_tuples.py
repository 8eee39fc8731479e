# mutant-of: triangles
# mistake: yields each row as a tuple instead of a list

def triangles():
    row = [1]
    while True:
        yield tuple(row)
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
