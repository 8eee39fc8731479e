# mutant-of: top_student
# mistake: uses max(scores, key=scores.get), so a tie goes to the first inserted name, not the alphabetically first


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
    if not scores:
        return None
    return max(scores, key=scores.get)
