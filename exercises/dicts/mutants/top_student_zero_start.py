# mutant-of: top_student
# mistake: starts from best_score = 0, so zero or negative scores never win


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
        if value in result:
            raise ValueError(f'duplicate value: {value!r}')
        result[value] = key
    return result


def top_student(scores):
    best = None
    best_score = 0
    for name, score in scores.items():
        if score > best_score or (score == best_score and best is not None and name < best):
            best = name
            best_score = score
    return best
