# mutant-of: count_lines
# mistake: counts newline characters, missing a last line that has no newline

def count_lines(path, encoding='utf-8'):
    with open(path, 'r', encoding=encoding) as f:
        return f.read().count('\n')
