# mutant-of: top_student
# mistake: uses max(scores, key=scores.get), so a tie goes to the first inserted name, not the alphabetically first

def top_student(scores):
    if not scores:
        return None
    return max(scores, key=scores.get)
