# mutant-of: save_pickle
# mistake: writes JSON text instead of a pickle

def save_pickle(obj, path):
    with open(path, 'w') as f:
        json.dump(obj, f)
