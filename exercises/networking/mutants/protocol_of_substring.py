# mutant-of: protocol_of
# mistake: looks for 'https' anywhere in the URL instead of in the scheme

def protocol_of(url):
    u = url.lower()
    if '://' not in u:
        raise ValueError(f'unknown protocol: {url!r}')
    if 'wss' in u:
        return ('WebSocket', True)
    if 'ws' in u:
        return ('WebSocket', False)
    if 'https' in u:
        return ('HTTPS', True)
    if 'http' in u:
        return ('HTTP', False)
    raise ValueError(f'unknown protocol: {url!r}')
