# mutant-of: circle_text
# mistake: uses round(s, 2), which drops trailing zeros (314.0 instead of 314.00)

def circle_text(r):
    s = 3.14 * r ** 2
    return f"半径为{r}的圆的面积为{round(s, 2)}"
