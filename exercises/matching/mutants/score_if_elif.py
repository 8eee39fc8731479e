# mutant-of: score_comment
# mistake: uses if/elif instead of a match statement (same answers)

def score_comment(score):
    if score < 10:
        return 'score is less than 10.'
    elif score == 15:
        return 'score is 15.'
    elif score == 11 or score == 22:
        return 'score is 11 or 22.'
    elif 60 < score < 100:
        return 'score is greater than 60 and less than 100.'
    else:
        return 'score is other.'
