# mutant-of: rotate
# mistake: rotates right instead of left

def rotate(items, k):
    if not items:
        return []
    k = k % len(items)
    return items[-k:] + items[:-k]
