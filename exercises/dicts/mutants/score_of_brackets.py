# mutant-of: score_of
# mistake: uses scores[name], which raises KeyError for a missing name

def score_of(scores, name, default=None):
    return scores[name]
