# mutant-of: progress_message
# mistake: uses round(improvement, 1), so an int prints as 3 instead of 3.0

def progress_message(name, improvement):
    return f"你好，{name}，成绩提升了{round(improvement, 1)}%，继续努力"
