# mutant-of: word_count
# mistake: sets counts[word] = 1 instead of adding one, so every count is 1

def word_count(text):
    counts = {}
    for word in text.split():
        counts[word] = 1
    return counts
