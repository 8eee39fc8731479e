# mutant-of: count
# mistake: the late-binding bug: every function reads i when called, so all three give 9

def count():
    fs = []
    for i in range(1, 4):
        def f():
            return i * i
        fs.append(f)
    return fs
