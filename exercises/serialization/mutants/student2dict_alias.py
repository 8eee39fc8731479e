# mutant-of: student2dict
# mistake: returns std.__dict__ itself, so changing the dict changes the student

def student2dict(std):
    return std.__dict__
