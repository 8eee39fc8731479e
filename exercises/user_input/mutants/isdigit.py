# mutant-of: verdict
# mistake: checks the answer with str.isdigit(), which rejects negative numbers and answers with spaces

PROMPT = "请输入你的年龄: "


def verdict(text):
    if not text.isdigit():
        return "请输入一个整数"
    age = int(text)
    if age >= 18:
        return "你已经成年了"
    return "你还没有成年"


def main():
    while True:
        try:
            text = input(PROMPT)
        except EOFError:
            print("没有输入")
            return
        line = verdict(text)
        print(line)
        if line != "请输入一个整数":
            return


if __name__ == "__main__":
    main()
