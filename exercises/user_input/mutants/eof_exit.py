# mutant-of: verdict
# mistake: ends with exit('没有输入'), which prints to stderr and exits with code 1

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
