"""Reference solution for file_io (instructor only; never released)."""

from io import BytesIO, StringIO


def write_text(path, text, encoding='utf-8'):
    with open(path, 'w', encoding=encoding) as f:
        return f.write(text)


def count_lines(path, encoding='utf-8'):
    count = 0
    with open(path, 'r', encoding=encoding) as f:
        for _ in f:
            count += 1
    return count


def tail(path, n):
    if n < 0:
        raise ValueError('n must not be negative')
    with open(path, 'r', encoding='utf-8') as f:
        lines = [line.rstrip('\n') for line in f]
    if n == 0:
        return []
    return lines[-n:]


def stringio_lines(text):
    f = StringIO(text)
    lines = []
    while True:
        s = f.readline()
        if s == '':
            break
        lines.append(s.strip())
    return lines


def utf8_bytes(text):
    f = BytesIO()
    f.write(text.encode('utf-8'))
    return f.getvalue()
