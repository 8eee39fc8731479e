# mutant-of: write_text
# mistake: ignores the encoding argument and always writes utf-8

def write_text(path, text, encoding='utf-8'):
    with open(path, 'w', encoding='utf-8') as f:
        return f.write(text)
