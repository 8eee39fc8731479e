# mutant-of: stringio_lines
# mistake: strips before testing for the end, so a blank line stops the loop early

def stringio_lines(text):
    f = StringIO(text)
    lines = []
    while True:
        s = f.readline().strip()
        if s == '':
            break
        lines.append(s)
    return lines
