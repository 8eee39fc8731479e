# mutant-of: count_lines
# mistake: ignores the encoding argument, so gbk files cannot be read

def count_lines(path, encoding='utf-8'):
    count = 0
    with open(path, 'r', encoding='utf-8') as f:
        for _ in f:
            count += 1
    return count
