# mutant-of: word_count
# mistake: uses text.split(' '), so runs of spaces, tabs and newlines make wrong words

def word_count(text):
    counts = {}
    for word in text.split(' '):
        counts[word] = counts.get(word, 0) + 1
    return counts
