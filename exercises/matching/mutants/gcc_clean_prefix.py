# mutant-of: gcc
# mistake: writes case ['clean', *rest], so 'clean' with extra words is accepted

def gcc(args):
    match args:
        case ['gcc']:
            return 'gcc: missing source file(s).'
        case ['gcc', file1, *files]:
            return 'gcc compile: ' + ', '.join([file1, *files])
        case ['clean', *rest]:
            return 'clean'
        case _:
            return 'invalid command.'
