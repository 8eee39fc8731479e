# mutant-of: protocol_of
# mistake: tests startswith('http') before 'https' (and 'ws' before 'wss'), so secure URLs are misread

def protocol_of(url):
    u = url.lower()
    if u.startswith('http'):
        return ('HTTP', False)
    if u.startswith('https'):
        return ('HTTPS', True)
    if u.startswith('ws'):
        return ('WebSocket', False)
    if u.startswith('wss'):
        return ('WebSocket', True)
    raise ValueError(f'unknown protocol: {url!r}')
