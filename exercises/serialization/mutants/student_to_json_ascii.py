# mutant-of: student_to_json
# mistake: forgets ensure_ascii=False, so Chinese names turn into \u escapes

def student_to_json(std):
    return json.dumps(std, default=lambda obj: {'name': obj.name, 'age': obj.age, 'score': obj.score})
