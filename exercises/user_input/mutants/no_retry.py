# mutant-of: verdict
# mistake: stops after 请输入一个整数 instead of asking again

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
