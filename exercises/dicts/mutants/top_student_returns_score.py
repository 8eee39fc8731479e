# mutant-of: top_student
# mistake: returns the highest score instead of the name

def top_student(scores):
    best = None
    for name, score in scores.items():
        if best is None or score > scores[best] or (score == scores[best] and name < best):
            best = name
    return None if best is None else scores[best]
