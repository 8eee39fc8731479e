# mutant-of: primes
# mistake: writes filter(lambda x: x % n > 0, it) in the loop: every lambda sees the latest n (late binding)

def primes():
    yield 2
    it = _odd_iter()
    while True:
        n = next(it)
        yield n
        it = filter(lambda x: x % n > 0, it)
