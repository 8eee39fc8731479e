"""字符串格式化 / String formatting -- see exercises/formatting/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def progress_message(name, improvement):
    """返回 "你好，{name}，成绩提升了{improvement 保留一位小数}%，继续努力"（逗号是全角“，”）。

    例：progress_message("小明", 17.123) -> "你好，小明，成绩提升了17.1%，继续努力"

    Return "你好，{name}，成绩提升了{improvement with one decimal}%，继续努力"
    (the commas are full-width Chinese commas).
    """
    raise NotImplementedError


def circle_text(r):
    """用 s = 3.14 * r ** 2 计算面积，返回 "半径为{r}的圆的面积为{s 保留两位小数}"。

    例：circle_text(2.5) -> "半径为2.5的圆的面积为19.62"

    Compute s = 3.14 * r ** 2 and return "半径为{r}的圆的面积为{s with two decimals}".
    """
    raise NotImplementedError


def hex_color(r, g, b):
    """把 0..255 的三个整数写成 '#rrggbb'（每个两位小写十六进制）；有任何一个不在 0..255 就抛出 ValueError。

    例：hex_color(255, 128, 0) -> '#ff8000'

    Write three ints in 0..255 as '#rrggbb' (two lower-case hex digits each);
    raise ValueError if any of them is outside 0..255.
    """
    raise NotImplementedError
