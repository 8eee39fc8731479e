"""Peer code of the higher_order checks (test_hidden.py's TOOLS): it runs in the sandbox, beside the student's code."""

from itertools import islice
import higher_order

def take_primes(n):
    gen = higher_order.primes()
    if not (hasattr(type(gen), '__next__') and iter(gen) is gen):
        return 'NOT-A-GENERATOR ' + type(gen).__name__
    return list(islice(gen, n))

def two_generators(n):
    a, b = higher_order.primes(), higher_order.primes()
    first = list(islice(a, n))
    return first, list(islice(b, n))

def palindromes(lo, hi):
    return list(filter(higher_order.is_palindrome, range(lo, hi)))

def sort_by(pairs, key_name):
    return sorted(pairs, key=getattr(higher_order, key_name))
