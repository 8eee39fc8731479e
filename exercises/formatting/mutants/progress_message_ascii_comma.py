# mutant-of: progress_message
# mistake: uses ASCII commas ', ' instead of the full-width Chinese commas

def progress_message(name, improvement):
    return f"你好, {name}, 成绩提升了{improvement:.1f}%, 继续努力"
