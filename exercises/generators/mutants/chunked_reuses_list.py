# mutant-of: chunked
# mistake: reuses one list for every chunk and clears it after yielding (chunks alias)

def _chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk.clear()
    if chunk:
        yield chunk
