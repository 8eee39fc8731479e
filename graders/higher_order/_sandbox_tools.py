"""Peer code of the higher_order checks (test_public.py's TOOLS): it runs in the sandbox, beside the student's code."""

from itertools import islice
import higher_order

def take_primes(n):
    gen = higher_order.primes()
    if not (hasattr(type(gen), '__next__') and iter(gen) is gen):
        return 'NOT-A-GENERATOR ' + type(gen).__name__
    return list(islice(gen, n))

def sort_by(pairs, key_name):
    return sorted(pairs, key=getattr(higher_order, key_name))
