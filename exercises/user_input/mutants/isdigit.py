# mutant-of: verdict
# mistake: checks the answer with str.isdigit(), which rejects negative numbers and answers with spaces

def verdict(text):
    if not text.isdigit():
        return "请输入一个整数"
    age = int(text)
    if age >= 18:
        return "你已经成年了"
    return "你还没有成年"
