# mutant-of: gcc
# mistake: uses case ['gcc', *files] first, which also matches a bare ['gcc']

def gcc(args):
    match args:
        case ['gcc', *files]:
            return 'gcc compile: ' + ', '.join(files)
        case ['gcc']:
            return 'gcc: missing source file(s).'
        case ['clean']:
            return 'clean'
        case _:
            return 'invalid command.'
