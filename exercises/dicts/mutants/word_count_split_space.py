# mutant-of: word_count
# mistake: uses text.split(' '), so runs of spaces, tabs and newlines make wrong words


def word_count(text):
    counts = {}
    for word in text.split(' '):
        counts[word] = counts.get(word, 0) + 1
    return counts


def score_of(scores, name, default=None):
    return scores.get(name, default)


def invert(d):
    result = {}
    for key, value in d.items():
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
