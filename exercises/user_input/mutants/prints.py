# mutant-of: verdict
# mistake: verdict prints the line instead of returning it

def verdict(text):
    try:
        age = int(text.strip())
    except ValueError:
        return "请输入一个整数"
    if age >= 18:
        print("你已经成年了")
    else:
        print("你还没有成年")
