# mutant-of: score_comment
# mistake: writes x >= 60 and x <= 100, so 60 and 100 get the range message

def score_comment(score):
    match score:
        case x if x < 10:
            return 'score is less than 10.'
        case 15:
            return 'score is 15.'
        case 11 | 22:
            return 'score is 11 or 22.'
        case x if x >= 60 and x <= 100:
            return 'score is greater than 60 and less than 100.'
        case _:
            return 'score is other.'
