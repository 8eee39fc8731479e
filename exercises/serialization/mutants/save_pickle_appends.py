# mutant-of: save_pickle
# mistake: opens the file with 'ab', so saving twice keeps the first object at the front

def save_pickle(obj, path):
    with open(path, 'ab') as f:
        pickle.dump(obj, f)
