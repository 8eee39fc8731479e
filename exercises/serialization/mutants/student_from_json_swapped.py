# mutant-of: student_from_json
# mistake: builds the Student with age and score swapped

def student_from_json(text):
    return json.loads(text, object_hook=lambda d: Student(d['name'], d['score'], d['age']))
