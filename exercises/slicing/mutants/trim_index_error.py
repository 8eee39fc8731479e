# mutant-of: trim
# mistake: tests s[0] == ' ', which raises IndexError once the string is empty (all spaces or '')

def trim(s):
    while s[0] == ' ':
        s = s[1:]
    while s[-1] == ' ':
        s = s[:-1]
    return s
