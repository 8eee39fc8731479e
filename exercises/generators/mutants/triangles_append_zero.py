# mutant-of: triangles
# mistake: appends 0 to the row it just yielded to build the next one, changing rows already handed out

def triangles():
    row = [1]
    while True:
        yield row
        row.append(0)
        row = [row[i - 1] + row[i] for i in range(len(row))]
