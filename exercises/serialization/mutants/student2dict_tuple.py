# mutant-of: student2dict
# mistake: returns a tuple (name, age, score) instead of a dict

def student2dict(std):
    return (std.name, std.age, std.score)
