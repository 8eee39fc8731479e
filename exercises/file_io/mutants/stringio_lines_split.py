# mutant-of: stringio_lines
# mistake: splits on '\n', which adds an empty last line after a trailing newline

def stringio_lines(text):
    f = StringIO(text)
    return [s.strip() for s in f.getvalue().split('\n')]
