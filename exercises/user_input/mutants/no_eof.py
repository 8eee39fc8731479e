# mutant-of: verdict
# mistake: does not catch EOFError, so empty input crashes with a traceback instead of printing 没有输入

def main():
    while True:
        text = input(PROMPT)
        line = verdict(text)
        print(line)
        if line != "请输入一个整数":
            return
