"""Hidden checks for partials: random inputs, keyword overrides, and partials of the right function."""

from gradekit.grader import call, exercise, expect, fail, grader_module, hint, points, show

need_partial = grader_module(__file__, "_shared").need_partial


def need_partial_of_power(partials, value, label):
    need_partial(value, label)
    func = call(getattr, value, "func").as_(f"{label}.func").result()
    if func != partials.power:
        fail(zh=f"{label} 应该是给定的 power 的偏函数（functools.partial(power, ...)），"
                f"但 {label}.func 是 {show(str(func))}",
             en=f"{label} should be a partial of the given power (functools.partial(power, ...)), "
                f"but {label}.func is {show(str(func))}")
    return value


def some_base(rng):
    if rng.random() < 0.3:
        return round(rng.uniform(-50, 50), 3)
    return rng.randint(-300, 300)


@exercise("int2")
class TestInt2Hidden:
    @points(2)
    def test_random_binary(self, partials, rng):
        for _ in range(20):
            text = "".join(rng.choice("01") for _ in range(rng.randint(1, 40)))
            call(partials.int2, text).returns(int(text, 2))

    @points(2)
    @hint(zh="base 要用关键字固定：functools.partial(int, base=2)。这样调用时再写 base=... 就能覆盖它。",
          en="Fix base by keyword: functools.partial(int, base=2). Then a base=... in the call overrides it.")
    def test_random_base_override(self, partials, rng):
        for _ in range(10):
            base = rng.randint(3, 36)
            n = rng.randint(0, 10**9)
            digits = ""
            while True:
                digits = "0123456789abcdefghijklmnopqrstuvwxyz"[n % base] + digits
                n //= base
                if n == 0:
                    break
            call(partials.int2, digits, base=base).returns(int(digits, base))

    @points(1)
    def test_not_binary(self, partials):
        call(partials.int2, "1012").raises(ValueError)
        call(partials.int2, "").raises(ValueError)

    @points(1)
    @hint(zh="int2 要用 functools.partial(int, base=2) 造出来，不要写 def 或 lambda。",
          en="Make int2 with functools.partial(int, base=2), not with def or lambda.")
    def test_partial_of_int(self, partials):
        need_partial(partials.int2, "int2")
        func = call(getattr, partials.int2, "func").as_("int2.func").result()
        call(str, func).as_("str(int2.func)").returns("<class 'int'>")
        call(getattr, partials.int2, "keywords").as_("int2.keywords").returns({"base": 2})


@exercise("square")
class TestSquareHidden:
    @points(2)
    @hint(zh="partial(power, 2) 固定的是第一个参数 base；要固定 exponent，必须写 exponent=2。",
          en="partial(power, 2) fixes the first argument, base; to fix exponent, write exponent=2.")
    def test_random_numbers(self, partials, rng):
        for base in [3, 10, -4] + [some_base(rng) for _ in range(12)]:
            call(partials.square, base).returns(base ** 2)

    @points(1)
    def test_base_by_keyword(self, partials):
        call(partials.square, base=7).returns(49)

    @points(1)
    @hint(zh="square 要用 functools.partial(power, exponent=2) 造出来，不要写 def。",
          en="Make square with functools.partial(power, exponent=2), not with def.")
    def test_partial_of_power(self, partials):
        need_partial_of_power(partials, partials.square, "square")
        call(getattr, partials.square, "keywords").as_("square.keywords").returns({"exponent": 2})


@exercise("cube")
class TestCubeHidden:
    @points(2)
    def test_random_numbers(self, partials, rng):
        for base in [3, -3, 0, 1] + [some_base(rng) for _ in range(12)]:
            call(partials.cube, base).returns(base ** 3)

    @points(1)
    @hint(zh="题目给了 power(base, exponent)：cube 要是它的偏函数，functools.partial(power, exponent=3)。",
          en="power(base, exponent) is given: cube must be a partial of it, functools.partial(power, exponent=3).")
    def test_partial_of_power(self, partials):
        need_partial_of_power(partials, partials.cube, "cube")
        call(partials.cube, base=2).returns(8)


@exercise("make_power")
class TestMakePowerHidden:
    @points(2)
    @hint(zh="partial(power, exponent) 把 exponent 当成了第一个参数 base；要写 partial(power, exponent=exponent)。",
          en="partial(power, exponent) binds the value to the first argument, base; write partial(power, exponent=exponent).")
    def test_random_exponents(self, partials, rng):
        for _ in range(10):
            exponent = rng.randint(-3, 9)
            p = need_partial(call(partials.make_power, exponent).result(), f"make_power({exponent})")
            for _ in range(3):
                base = rng.choice([rng.randint(-20, 20) or 1, round(rng.uniform(0.5, 5), 2)])
                call(p, base).as_(f"make_power({exponent})({base!r})").returns(base ** exponent)

    @points(1)
    @hint(zh="make_power 要 return functools.partial(power, exponent=exponent)，不要返回 lambda 或内部函数。",
          en="make_power must return functools.partial(power, exponent=exponent), not a lambda or an inner function.")
    def test_new_partials_of_power(self, partials, rng):
        e1, e2 = rng.sample(range(2, 9), 2)
        p1 = need_partial_of_power(partials, call(partials.make_power, e1).result(), f"make_power({e1})")
        p2 = need_partial_of_power(partials, call(partials.make_power, e2).result(), f"make_power({e2})")
        if p1 == p2:
            fail(zh="两次调用 make_power 返回了同一个对象：每次都应该造一个新的偏函数",
                 en="two make_power calls returned the same object: each call should make a new partial")
        call(p1, 3).as_(f"make_power({e1})(3)").returns(3 ** e1)
        call(p2, 3).as_(f"make_power({e2})(3)").returns(3 ** e2)
        expect(call(p1, base=2).as_(f"make_power({e1})(base=2)").result(), 2 ** e1,
               call=f"make_power({e1})(base=2)")

    @points(1)
    def test_exponent_zero_and_one(self, partials):
        for exponent, base, want in ((0, 12, 1), (1, 12, 12), (2, -5, 25)):
            p = need_partial(call(partials.make_power, exponent).result(), f"make_power({exponent})")
            call(p, base).as_(f"make_power({exponent})({base})").returns(want)
