# mutant-of: run_named
# mistake: runs func in the thread but throws its result away and returns None

def run_named(func, name):
    t = threading.Thread(target=func, name=name)
    t.start()
    t.join()
