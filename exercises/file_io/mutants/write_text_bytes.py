# mutant-of: write_text
# mistake: returns the number of bytes (len of the encoded text) instead of the characters written

def write_text(path, text, encoding='utf-8'):
    with open(path, 'w', encoding=encoding) as f:
        f.write(text)
    return len(text.encode(encoding))
