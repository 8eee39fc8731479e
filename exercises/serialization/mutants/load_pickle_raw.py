# mutant-of: load_pickle
# mistake: returns the raw bytes of the file instead of unpickling them

def load_pickle(path):
    with open(path, 'rb') as f:
        return f.read()
