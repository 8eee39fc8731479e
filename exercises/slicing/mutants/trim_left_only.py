# mutant-of: trim
# mistake: removes the leading spaces but forgets the trailing ones

def trim(s):
    while s[:1] == ' ':
        s = s[1:]
    return s
