# mutant-of: every_other
# mistake: builds a list with a loop, so a str or tuple comes back as a list

def every_other(seq):
    return [seq[i] for i in range(0, len(seq), 2)]
