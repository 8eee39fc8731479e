# mutant-of: gcc
# mistake: copies the notes: 'gcc compile: ' + file1 + ', ' + ', '.join(files), so one file ends with ', '

def gcc(args):
    match args:
        case ['gcc']:
            return 'gcc: missing source file(s).'
        case ['gcc', file1, *files]:
            return 'gcc compile: ' + file1 + ', ' + ', '.join(files)
        case ['clean']:
            return 'clean'
        case _:
            return 'invalid command.'
