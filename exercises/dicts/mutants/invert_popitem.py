# mutant-of: invert
# mistake: takes the items out with d.popitem(), emptying the caller's dict


def word_count(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def score_of(scores, name, default=None):
    return scores.get(name, default)


def invert(d):
    result = {}
    while d:
        key, value = d.popitem()
        if value in result:
            raise ValueError(f'duplicate value: {value!r}')
        result[value] = key
    return result


def top_student(scores):
    best = None
    for name, score in scores.items():
        if best is None or score > scores[best] or (score == scores[best] and name < best):
            best = name
    return best
