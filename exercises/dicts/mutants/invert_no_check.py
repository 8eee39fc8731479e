# mutant-of: invert
# mistake: forgets to check for duplicate values: the last key silently wins


def word_count(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def score_of(scores, name, default=None):
    return scores.get(name, default)


def invert(d):
    result = {}
    for key, value in d.items():
        result[value] = key
    return result


def top_student(scores):
    best = None
    for name, score in scores.items():
        if best is None or score > scores[best] or (score == scores[best] and name < best):
            best = name
    return best
