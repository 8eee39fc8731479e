"""Hidden checks for formatting: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, hint, points

NAMES = ["小明", "李雷", "韩梅梅", "Alice", "bob", "O'Neil", "张 三", "Zoë", ""]


def progress(name, improvement):
    return f"你好，{name}，成绩提升了{improvement:.1f}%，继续努力"


def stable_area_text(r):
    """The area text for r, or None when equivalent formulas could round it differently."""
    texts = {f"{3.14 * r ** 2:.2f}", f"{3.14 * r * r:.2f}", f"{r * r * 3.14:.2f}", f"{3.14 * (r * r):.2f}",
             f"{3.14 * r ** 2 * (1 + 1e-12):.2f}", f"{3.14 * r ** 2 * (1 - 1e-12):.2f}"}
    return texts.pop() if len(texts) == 1 else None


@exercise("progress_message")
class TestProgressMessageHidden:
    @points(2)
    def test_random_messages(self, formatting, rng):
        for _ in range(20):
            name = rng.choice(NAMES)
            improvement = round(rng.uniform(0.05, 100), rng.choice([0, 1, 2, 3]))
            call(formatting.progress_message, name, improvement).returns(progress(name, improvement))

    @points(1)
    @hint(zh="{x:.1f} 总是保留一位小数：整数 3 也要写成 3.0。round(x, 1) 做不到这一点。",
          en="{x:.1f} always keeps one decimal place: the int 3 becomes 3.0. round(x, 1) does not do that.")
    def test_int_improvement(self, formatting):
        call(formatting.progress_message, "小红", 3).returns("你好，小红，成绩提升了3.0%，继续努力")
        call(formatting.progress_message, "小红", 0).returns("你好，小红，成绩提升了0.0%，继续努力")

    @points(1)
    def test_negative_improvement(self, formatting):
        call(formatting.progress_message, "小刚", -4.56).returns("你好，小刚，成绩提升了-4.6%，继续努力")

    @points(1)
    @hint(zh="逗号是中文全角逗号“，”，前后都没有空格；冒号后面也不要加空格。",
          en="The commas are full-width Chinese commas (，) with no spaces around them; no space after the colon either.")
    def test_exact_punctuation(self, formatting):
        call(formatting.progress_message, "Amy", 50.0).returns("你好，Amy，成绩提升了50.0%，继续努力")


@exercise("circle_text")
class TestCircleTextHidden:
    @points(2)
    def test_random_radii(self, formatting, rng):
        done = 0
        while done < 20:
            r = rng.choice([rng.randint(0, 200), round(rng.uniform(0, 100), rng.choice([1, 2]))])
            area = stable_area_text(r)
            if area is None:
                continue
            call(formatting.circle_text, r).returns(f"半径为{r}的圆的面积为{area}")
            done += 1

    @points(1)
    @hint(zh="{s:.2f} 总是两位小数：314.0 要写成 314.00。",
          en="{s:.2f} always shows two decimals: 314.0 is written 314.00.")
    def test_trailing_zeros(self, formatting):
        call(formatting.circle_text, 10).returns("半径为10的圆的面积为314.00")
        call(formatting.circle_text, 0).returns("半径为0的圆的面积为0.00")

    @points(1)
    @hint(zh="这一题规定用 3.14，不是 math.pi；冒号后不要空格。",
          en="This exercise uses 3.14, not math.pi; no space after the colon.")
    def test_uses_3_14(self, formatting):
        call(formatting.circle_text, 3).returns("半径为3的圆的面积为28.26")
        call(formatting.circle_text, 0.1).returns("半径为0.1的圆的面积为0.03")


@exercise("hex_color")
class TestHexColorHidden:
    @points(2)
    def test_random_colors(self, formatting, rng):
        for _ in range(25):
            r, g, b = (rng.choice([rng.randint(0, 15), rng.randint(0, 255)]) for _ in range(3))
            call(formatting.hex_color, r, g, b).returns("#" + "".join(format(v, "02x") for v in (r, g, b)))

    @points(1)
    @hint(zh="每个颜色都要两位十六进制：10 是 0a，不是 a。", en="Every colour needs two hex digits: 10 is 0a, not a.")
    def test_small_values_are_padded(self, formatting):
        call(formatting.hex_color, 1, 10, 15).returns("#010a0f")

    @points(1)
    @hint(zh="0 和 255 都是合法的值，只有小于 0 或大于 255 才出错。",
          en="0 and 255 are both valid; only below 0 or above 255 is an error.")
    def test_boundaries_accepted(self, formatting):
        call(formatting.hex_color, 255, 0, 255).returns("#ff00ff")
        call(formatting.hex_color, 0, 255, 0).returns("#00ff00")

    @points(2)
    @hint(zh="三个参数都要检查，负数也不行。", en="Check all three arguments, and reject negative numbers too.")
    def test_out_of_range(self, formatting):
        for args in ((-1, 0, 0), (0, -1, 0), (0, 0, -1), (0, 256, 0), (0, 0, 256), (300, 300, 300), (-255, 10, 10)):
            call(formatting.hex_color, *args).raises(ValueError)
