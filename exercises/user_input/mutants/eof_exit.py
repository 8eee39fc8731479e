# mutant-of: verdict
# mistake: ends with exit('没有输入'), which prints to stderr and exits with code 1

PROMPT = "请输入你的年龄: "


def verdict(text):
    try:
        age = int(text.strip())
    except ValueError:
        return "请输入一个整数"
    if age >= 18:
        return "你已经成年了"
    return "你还没有成年"


def main():
    while True:
        try:
            text = input(PROMPT)
        except EOFError:
            exit("没有输入")
        line = verdict(text)
        print(line)
        if line != "请输入一个整数":
            return


if __name__ == "__main__":
    main()
