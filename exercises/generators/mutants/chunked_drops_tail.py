# mutant-of: chunked
# mistake: drops the last, shorter chunk

def _chunks(it, size):
    while True:
        chunk = list(islice(it, size))
        if len(chunk) < size:
            return
        yield chunk
