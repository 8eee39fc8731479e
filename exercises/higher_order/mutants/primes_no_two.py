# mutant-of: primes
# mistake: forgets to yield 2 first, so the sequence starts at 3

def primes():
    it = _odd_iter()
    while True:
        n = next(it)
        yield n
        it = filter(_not_divisible(n), it)
