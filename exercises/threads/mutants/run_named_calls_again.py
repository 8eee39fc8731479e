# mutant-of: run_named
# mistake: starts the thread with target=func, then calls func() again in the caller to get a result

def run_named(func, name):
    t = threading.Thread(target=func, name=name)
    t.start()
    t.join()
    return func()
