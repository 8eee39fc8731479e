# mutant-of: count
# mistake: appends the squares themselves instead of functions

def count():
    fs = []
    for i in range(1, 4):
        fs.append(i * i)
    return fs
