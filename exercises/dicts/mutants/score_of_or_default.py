# mutant-of: score_of
# mistake: writes scores.get(name) or default, so a score of 0 is replaced by the default

def score_of(scores, name, default=None):
    return scores.get(name) or default
