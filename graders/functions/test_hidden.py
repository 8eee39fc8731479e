"""Hidden checks for functions: edges, traps and seeded random inputs."""

import math

from gradekit.grader import call, exercise, hint, points


@exercise("my_abs")
class TestMyAbsHidden:
    @points(2)
    def test_floats(self, functions, rng):
        for _ in range(20):
            x = rng.uniform(-1e6, 1e6)
            call(functions.my_abs, x).returns(abs(x))

    @points(1)
    @hint(zh="None、列表这些也不是数字，都要抛出 TypeError。", en="None and lists are not numbers either: raise TypeError for them too.")
    def test_rejects_other_types(self, functions):
        for bad in (None, [1], "-3", (2,), {"x": 1}, {3}):
            call(functions.my_abs, bad).raises(TypeError, "bad operand type")

    @points(1)
    def test_large_ints(self, functions, rng):
        for _ in range(10):
            n = rng.randrange(-10**30, 10**30)
            call(functions.my_abs, n).returns(abs(n))


@exercise("move")
class TestMoveHidden:
    @points(2)
    def test_random_points(self, functions, rng):
        for _ in range(15):
            x, y, step = rng.uniform(-100, 100), rng.uniform(-100, 100), rng.uniform(0, 50)
            angle = rng.uniform(-math.pi, math.pi)
            expected = (x + step * math.cos(angle), y - step * math.sin(angle))
            call(functions.move, x, y, step, angle).returns(expected)

    @points(1)
    def test_angle_by_keyword(self, functions):
        call(functions.move, 1, 2, 3, angle=math.pi / 2).returns((1 + 3 * math.cos(math.pi / 2), -1.0))


@exercise("quadratic")
class TestQuadraticHidden:
    @points(2)
    @hint(zh="除以的是 2a，要写成 / (2 * a)。", en="You divide by 2a: write / (2 * a).")
    def test_leading_coefficient(self, functions):
        call(functions.quadratic, 1, 3, -4).returns((1.0, -4.0))
        call(functions.quadratic, 4, 0, -1).returns((0.5, -0.5))

    @points(2)
    def test_random_equations(self, functions, rng):
        for _ in range(15):
            r1, r2 = sorted((rng.randint(-20, 20), rng.randint(-20, 20)), reverse=True)
            a = rng.choice([1, 2, 3, -1, -2, 0.5])
            b, c = -a * (r1 + r2), a * r1 * r2
            root = math.sqrt(b * b - 4 * a * c)
            call(functions.quadratic, a, b, c).returns(((-b + root) / (2 * a), (-b - root) / (2 * a)))

    @points(1)
    @hint(zh="Δ == 0 时返回两个相等的根组成的 tuple，不要只返回一个数，也不要抛出异常。",
          en="With Δ == 0 return a tuple of the two equal roots: not a single number, and no exception.")
    def test_double_root(self, functions):
        call(functions.quadratic, 1, -2, 1).returns((1.0, 1.0))
        call(functions.quadratic, 4, 4, 1).returns((-0.5, -0.5))
        call(functions.quadratic, -2, 12, -18).returns((3.0, 3.0))

    @points(1)
    def test_random_double_roots(self, functions, rng):
        for _ in range(5):
            r, a = rng.randint(-20, 20), rng.choice([1, 2, 3, -1, -2, 0.5])
            b, c = -2 * a * r, a * r * r
            call(functions.quadratic, a, b, c).returns((-b / (2 * a), -b / (2 * a)))

    @points(1)
    def test_no_real_roots(self, functions):
        call(functions.quadratic, 1, 0, 1).raises(ValueError)
        call(functions.quadratic, 0, 0, 5).raises(ValueError)
