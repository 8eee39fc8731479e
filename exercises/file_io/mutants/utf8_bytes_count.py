# mutant-of: utf8_bytes
# mistake: returns what write() returned (the number of bytes) instead of the bytes

def utf8_bytes(text):
    f = BytesIO()
    return f.write(text.encode('utf-8'))
