# mutant-of: run_named
# mistake: forgets to pass name= to Thread, so the thread keeps its default name

def run_named(func, name):
    results = []

    def target():
        results.append(func())

    t = threading.Thread(target=target)
    t.start()
    t.join()
    return results[0]
