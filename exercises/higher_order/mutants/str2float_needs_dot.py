# mutant-of: str2float
# mistake: always unpacks s.split('.') into two parts, so a string without a dot raises ValueError

def str2float(s):
    whole, frac = s.split('.')
    to_int = lambda digits: reduce(lambda x, y: x * 10 + y, map(lambda ch: DIGITS[ch], digits), 0)
    return to_int(whole) + to_int(frac) / 10 ** len(frac)
