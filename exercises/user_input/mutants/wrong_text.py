# mutant-of: verdict
# mistake: adds a full-width exclamation mark: 你已经成年了！

def verdict(text):
    try:
        age = int(text.strip())
    except ValueError:
        return "请输入一个整数"
    if age >= 18:
        return "你已经成年了！"
    return "你还没有成年"
