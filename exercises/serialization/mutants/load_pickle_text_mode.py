# mutant-of: load_pickle
# mistake: opens the file in text mode 'r' instead of 'rb'

def load_pickle(path):
    with open(path, 'r') as f:
        return pickle.load(f)
