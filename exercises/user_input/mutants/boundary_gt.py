# mutant-of: verdict
# mistake: uses > 18 as in the notes, so 18-year-olds are told they are not adults

def verdict(text):
    try:
        age = int(text.strip())
    except ValueError:
        return "请输入一个整数"
    if age > 18:
        return "你已经成年了"
    return "你还没有成年"
