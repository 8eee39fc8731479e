# mutant-of: trim
# mistake: calls s.strip(' ') although the exercise forbids strip

def trim(s):
    return s.strip(' ')
