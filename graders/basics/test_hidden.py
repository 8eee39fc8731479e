"""Hidden checks for basics: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, hint, points

PI = 3.141592653


def leap(year):
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


@exercise("divide")
class TestDivideHidden:
    @points(2)
    @hint(zh="// 是向下取整：-7 // 2 是 -4，而 int(-7 / 2) 是 -3。余数的符号跟着除数走。",
          en="// rounds down: -7 // 2 is -4, but int(-7 / 2) is -3. The remainder takes the divisor's sign.")
    def test_negative_numbers(self, basics):
        call(basics.divide, -7, 2).returns((-3.5, -4, 1))
        call(basics.divide, 7, -2).returns((-3.5, -4, -1))
        call(basics.divide, -9, -4).returns((2.25, 2, -1))

    @points(2)
    def test_random_ints(self, basics, rng):
        for _ in range(20):
            a = rng.randint(-1000, 1000)
            b = rng.choice([rng.randint(-50, -1), rng.randint(1, 50)])
            call(basics.divide, a, b).returns((a / b, a // b, a % b))

    @points(1)
    def test_floats(self, basics, rng):
        for _ in range(10):
            a, b = round(rng.uniform(-100, 100), 2), round(rng.uniform(0.5, 20), 2)
            call(basics.divide, a, b).returns((a / b, a // b, a % b))

    @points(1)
    def test_zero_divisor(self, basics):
        call(basics.divide, 5, 0).raises(ZeroDivisionError)


@exercise("is_leap_year")
class TestIsLeapYearHidden:
    @points(2)
    def test_random_years(self, basics, rng):
        years = [rng.randint(1, 3000) for _ in range(25)] + [rng.randint(1, 30) * 100 for _ in range(5)]
        for year in years:
            call(basics.is_leap_year, year).returns(leap(year))

    @points(1)
    @hint(zh="返回值要是 True / False，而不是一个“看起来是真”的数字。用 == 和 != 写比较。",
          en="Return True / False, not a number that merely counts as true. Write the conditions with == and !=.")
    def test_returns_bool(self, basics):
        for year in (1996, 2004, 2400, 1800, 2100, 2001):
            call(basics.is_leap_year, year).returns(leap(year))

    @points(1)
    def test_century_rules(self, basics):
        for year in (1600, 1700, 1800, 2100, 2400):
            call(basics.is_leap_year, year).returns(leap(year))


@exercise("circle_area")
class TestCircleAreaHidden:
    @points(2)
    @hint(zh="r = 2 时 r * 2 和 r ** 2 碰巧相等，换一个半径试试。",
          en="For r = 2, r * 2 and r ** 2 happen to be equal: try another radius.")
    def test_random_radii(self, basics, rng):
        for _ in range(15):
            r = rng.choice([rng.randint(0, 100), rng.uniform(0, 50)])
            call(basics.circle_area, r).returns(PI * r ** 2)

    @points(1)
    def test_zero(self, basics):
        call(basics.circle_area, 0).returns(0.0)

    @points(1)
    @hint(zh="用文件里的常量 PI，不要把数字再抄一遍：常量改了，函数也应该跟着变。",
          en="Use the constant PI from the file, do not copy its digits: when the constant changes, the function should follow.")
    def test_uses_the_constant(self, basics):
        basics.PI = 3
        call(basics.circle_area, 2).as_("PI = 3; circle_area(2)").returns(12)
