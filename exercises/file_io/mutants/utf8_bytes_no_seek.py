# mutant-of: utf8_bytes
# mistake: reads the BytesIO with read() right after writing, without seek(0), and gets b''

def utf8_bytes(text):
    f = BytesIO()
    f.write(text.encode('utf-8'))
    return f.read()
