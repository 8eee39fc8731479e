# mutant-of: gcc
# mistake: uses if/elif instead of a match statement (same answers)

def gcc(args):
    if args == ['gcc']:
        return 'gcc: missing source file(s).'
    elif len(args) >= 2 and args[0] == 'gcc':
        return 'gcc compile: ' + ', '.join(args[1:])
    elif args == ['clean']:
        return 'clean'
    else:
        return 'invalid command.'
