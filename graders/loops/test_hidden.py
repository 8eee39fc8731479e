"""Hidden checks for loops: negative n, stopping at the first hit, negative odd numbers, random inputs."""

from gradekit.grader import call, exercise, fail, grader_module, helper, hint, points


def exact(fn, name, *args):
    """A call labelled with the full repr of its arguments (long lists are not shortened)."""
    return call(fn, *args).as_(f"{name}({', '.join(repr(a) for a in args)})")


def ref_first_negative(nums):
    return next((i for i, x in enumerate(nums) if x < 0), -1)


def ref_collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


tools = grader_module(__file__, "_tools")


@exercise("sum_to")
class TestSumToHidden:
    @points(1)
    @hint(zh="n <= 0 时 range(1, n + 1) 是空的，循环一次也不执行，结果就是 0；不要用公式 n * (n + 1) // 2。",
          en="For n <= 0, range(1, n + 1) is empty, the loop never runs and the total stays 0; "
             "do not use the formula n * (n + 1) // 2.")
    def test_negative(self, loops):
        call(loops.sum_to, -1).returns(0)
        call(loops.sum_to, -10).returns(0)

    @points(2)
    @hint(zh="range(1, n) 不包括 n，要写 range(1, n + 1)。", en="range(1, n) stops before n: write range(1, n + 1).")
    def test_random(self, loops, rng):
        for _ in range(15):
            n = rng.randint(1, 2000)
            call(loops.sum_to, n).returns(n * (n + 1) // 2)


@exercise("first_negative")
class TestFirstNegativeHidden:
    @points(2)
    @hint(zh="找到第一个负数就 break（或直接 return），否则后面的负数会覆盖前面的结果。",
          en="break (or return) at the first negative number, or a later one overwrites the answer.")
    def test_two_negatives(self, loops):
        call(loops.first_negative, [4, -1, 7, -9, -3]).returns(1)
        call(loops.first_negative, [-5, -6]).returns(0)

    @points(1)
    @hint(zh="0 不是负数：条件是 x < 0。", en="0 is not negative: the test is x < 0.")
    def test_zero_is_not_negative(self, loops):
        call(loops.first_negative, [0, 0, 5, -1]).returns(3)
        call(loops.first_negative, []).returns(-1)

    @points(1)
    @hint(zh="找到以后就停下：break 之后不再读后面的元素。", en="Stop once found: after break nothing further is read.")
    def test_stops_at_first_hit(self, loops):
        probe = helper(loops, tools.WATCH, "probe")
        items = [3, 5, -2, 7, -4, 8, 9]
        found, last_read = call(probe, items).as_(f"first_negative({items!r})").result()
        if found != 2 or last_read > 2:
            fail(zh=f"first_negative({items!r}) 应该返回 2，并且读到下标 2 就停下；"
                    f"实际返回 {found!r}，一直读到了下标 {last_read}。找到后用 break 停下循环。",
                 en=f"first_negative({items!r}) should return 2 and stop reading at index 2; "
                    f"it returned {found!r} and read up to index {last_read}. Stop the loop with break once found.")

    @points(2)
    def test_random(self, loops, rng):
        for _ in range(20):
            nums = [rng.randint(-5, 20) for _ in range(rng.randint(0, 10))]
            exact(loops.first_negative, 'first_negative', nums).returns(ref_first_negative(nums))


@exercise("odd_squares_sum")
class TestOddSquaresSumHidden:
    @points(1)
    @hint(zh="负的奇数也是奇数：在 Python 里 -3 % 2 == 1。", en="Negative odd numbers are odd too: in Python -3 % 2 == 1.")
    def test_negative_odds(self, loops):
        call(loops.odd_squares_sum, [-3, -2, -1]).returns(10)

    @points(1)
    def test_all_even(self, loops):
        call(loops.odd_squares_sum, [2, 4, 0, -6]).returns(0)

    @points(2)
    @hint(zh="看的是数值本身是不是奇数，不是它在列表里的位置；平方是 x * x（或 x ** 2），不是 x * 2。",
          en="Test whether the value itself is odd, not its position in the list; the square is x * x (or x ** 2), "
             "not x * 2.")
    def test_random(self, loops, rng):
        for _ in range(20):
            nums = [rng.randint(-30, 30) for _ in range(rng.randint(0, 12))]
            exact(loops.odd_squares_sum, 'odd_squares_sum', nums).returns(sum(x * x for x in nums if x % 2))


@exercise("collatz_steps")
class TestCollatzStepsHidden:
    @points(1)
    @hint(zh="n < 1 时一开始就 raise ValueError（0 和负数都不行）。",
          en="Raise ValueError right at the start when n < 1 (0 and negative numbers alike).")
    def test_rejects_below_one(self, loops):
        for n in (-1, -50):
            call(loops.collatz_steps, n).raises(ValueError)

    @points(1)
    @hint(zh="数的是步数，不是数列里有几个数：collatz_steps(1) 是 0，collatz_steps(2) 是 1。",
          en="Count the steps, not the numbers in the sequence: collatz_steps(1) is 0, collatz_steps(2) is 1.")
    def test_known_values(self, loops):
        call(loops.collatz_steps, 2).returns(1)
        call(loops.collatz_steps, 27).returns(111)
        call(loops.collatz_steps, 2 ** 40).returns(40)

    @points(2)
    def test_random(self, loops, rng):
        for _ in range(15):
            n = rng.randint(1, 100000)
            call(loops.collatz_steps, n).returns(ref_collatz(n))
