# mutant-of: triangles
# mistake: updates one list in place and yields that same object every time (rows alias)

def triangles():
    row = [1]
    while True:
        yield row
        for i in range(len(row) - 1, 0, -1):
            row[i] = row[i] + row[i - 1]
        row.append(1)
