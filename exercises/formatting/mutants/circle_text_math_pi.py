# mutant-of: circle_text
# mistake: uses math.pi instead of 3.14

def circle_text(r):
    import math
    s = math.pi * r ** 2
    return f"半径为{r}的圆的面积为{s:.2f}"
