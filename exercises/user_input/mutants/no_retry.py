# mutant-of: verdict
# mistake: stops after 请输入一个整数 instead of asking again

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
            print("没有输入")
            return
        line = verdict(text)
        print(line)
        return


if __name__ == "__main__":
    main()
