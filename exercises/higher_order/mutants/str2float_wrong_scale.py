# mutant-of: str2float
# mistake: divides the fraction by 10 ** len(whole) instead of 10 ** len(frac)

def str2float(s):
    if '.' in s:
        whole, frac = s.split('.')
    else:
        whole, frac = s, ''
    to_int = lambda digits: reduce(lambda x, y: x * 10 + y, map(lambda ch: DIGITS[ch], digits), 0)
    return to_int(whole) + to_int(frac) / 10 ** len(whole)
