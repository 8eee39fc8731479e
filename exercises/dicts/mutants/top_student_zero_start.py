# mutant-of: top_student
# mistake: starts from best_score = 0, so zero or negative scores never win

def top_student(scores):
    best = None
    best_score = 0
    for name, score in scores.items():
        if score > best_score or (score == best_score and best is not None and name < best):
            best = name
            best_score = score
    return best
