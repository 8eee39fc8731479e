# mutant-of: student_from_json
# mistake: forgets object_hook, so it returns a dict instead of a Student

def student_from_json(text):
    return json.loads(text)
