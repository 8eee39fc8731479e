# mutant-of: circle_text
# mistake: copies the notes' {s: .2f}, which puts a space before the area

def circle_text(r):
    s = 3.14 * r ** 2
    return f"半径为{r}的圆的面积为{s: .2f}"
