# mutant-of: progress_message
# mistake: copies the notes' {improvement: .1f}, which puts a space before positive numbers

def progress_message(name, improvement):
    return f"你好，{name}，成绩提升了{improvement: .1f}%，继续努力"
