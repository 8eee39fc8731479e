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


def score_comment(score):
    match score:
        case x if x < 10:
            return 'score is less than 10.'
        case 15:
            return 'score is 15.'
        case 11 | 22:
            return 'score is 11 or 22.'
        case x if x > 60 and x < 100:
            return 'score is greater than 60 and less than 100.'
        case _:
            return 'score is other.'
