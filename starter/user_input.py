"""输入 / User input -- see exercises/user_input/README.md.

这是一个脚本：python user_input.py 会问你的年龄，然后打印结论。
把每个 raise NotImplementedError 换成你的代码。

This is a script: python user_input.py asks for an age and prints a verdict.
Replace each `raise NotImplementedError` with your code.
"""

PROMPT = "请输入你的年龄: "


def verdict(text):
    """根据一次回答 text 返回要打印的那一行（先 strip）：
    整数 >= 18 返回 '你已经成年了'，其他整数返回 '你还没有成年'，
    不是整数返回 '请输入一个整数'。

    Return the line to print for one answer text (strip it first):
    an integer >= 18 gives '你已经成年了', any other integer '你还没有成年',
    anything that is not an integer '请输入一个整数'.
    """
    raise NotImplementedError


def main():
    """用 input(PROMPT) 询问年龄并打印 verdict 的结果；不是整数就再问一次；
    输入结束（EOFError）时打印 '没有输入' 并正常结束。

    Ask with input(PROMPT) and print the verdict; ask again after a
    non-integer; at the end of input (EOFError) print '没有输入' and return normally.
    """
    raise NotImplementedError


# 只有直接运行这个文件时才执行 main()；被 import 时什么都不做。
# main() runs only when the file is run directly, never on import.
if __name__ == "__main__":
    main()
