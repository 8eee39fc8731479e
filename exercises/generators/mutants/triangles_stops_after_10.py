# mutant-of: triangles
# mistake: stops after a fixed number of rows instead of going on forever

def triangles():
    row = [1]
    for _ in range(10):
        yield row
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
