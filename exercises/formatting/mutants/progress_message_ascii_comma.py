# mutant-of: progress_message
# mistake: uses ASCII commas ', ' instead of the full-width Chinese commas


def progress_message(name, improvement):
    return f"你好, {name}, 成绩提升了{improvement:.1f}%, 继续努力"


def circle_text(r):
    s = 3.14 * r ** 2
    return f"半径为{r}的圆的面积为{s:.2f}"


def hex_color(r, g, b):
    for value in (r, g, b):
        if value < 0 or value > 255:
            raise ValueError(f'color value out of range 0..255: {value}')
    return '#%02x%02x%02x' % (r, g, b)
