# mutant-of: student_to_json
# mistake: returns str() of a dict (single quotes), which is not JSON

def student_to_json(std):
    return str({'name': std.name, 'age': std.age, 'score': std.score})
