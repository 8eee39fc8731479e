# mutant-of: write_text
# mistake: opens the file with 'a' (append) instead of 'w', so old content stays

def write_text(path, text, encoding='utf-8'):
    with open(path, 'a', encoding=encoding) as f:
        return f.write(text)
