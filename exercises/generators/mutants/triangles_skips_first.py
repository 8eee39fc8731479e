# mutant-of: triangles
# mistake: builds the next row before yielding, so the first row [1] is missing

def triangles():
    row = [1]
    while True:
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
        yield row
