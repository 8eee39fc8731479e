# mutant-of: normalize
# mistake: upper-cases the first letter but forgets to lower-case the rest ('LISA' stays 'LISA')

def normalize(names):
    return list(map(lambda s: s[:1].upper() + s[1:], names))
