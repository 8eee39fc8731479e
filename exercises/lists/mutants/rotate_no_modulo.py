# mutant-of: rotate
# mistake: forgets k % len(items), so a k larger than the list gives the wrong answer

def rotate(items, k):
    if not items:
        return []
    return items[k:] + items[:k]
