# mutant-of: protocol_of
# mistake: returns ('HTTP', False) for unknown schemes instead of raising ValueError

def protocol_of(url):
    scheme, sep, rest = url.partition('://')
    return PROTOCOLS.get(scheme.lower(), ('HTTP', False))
