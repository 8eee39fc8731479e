"""Hidden checks for higher_order: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, expect, fail, helper, hint, points, sandbox_source

# Runs in the sandbox child next to the student's module.
TOOLS = sandbox_source(__file__, "_hidden_sandbox_tools")


def tool(topic, name):
    return helper(topic, TOOLS, name)


def primes_below(limit):
    sieve = [True] * limit
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(sieve[i * i::i])
    return [i for i, p in enumerate(sieve) if p]


def take_primes(topic, n):
    got = call(tool(topic, "take_primes"), n).as_(f"list(islice(primes(), {n}))").result()
    if isinstance(got, str):
        fail(zh=f"primes() 应该返回一个生成器（函数体里用 yield），实际返回了 {got.split()[-1]}",
             en=f"primes() should return a generator (use yield in its body), but it returned a {got.split()[-1]}")
    return got


def capitalised(s):
    return s[:1].upper() + s[1:].lower()


def random_pairs(rng, n):
    names = rng.sample(['Adam', 'Bart', 'Bob', 'Lisa', 'Tom', 'Jerry', 'Amy', 'Zed', 'Carl', 'Dora', 'Eve'], n)
    scores = rng.sample(range(0, 151), n)
    return list(zip(names, scores))


@exercise("normalize")
class TestNormalizeHidden:
    @points(1)
    @hint(zh="首字母之后的字母都要变成小写：'LISA' → 'Lisa'。",
          en="Every letter after the first becomes lower case: 'LISA' → 'Lisa'.")
    def test_upper_rest(self, higher_order):
        call(higher_order.normalize, ['LISA', 'JERRY']).returns(['Lisa', 'Jerry'])

    @points(1)
    @hint(zh="map 返回的是一个迭代器，不是列表：return list(map(...))。",
          en="map returns an iterator, not a list: return list(map(...)).")
    def test_returns_list(self, higher_order):
        call(higher_order.normalize, []).returns([])
        call(higher_order.normalize, ['a']).returns(['A'])

    @points(2)
    def test_random(self, higher_order, rng):
        for _ in range(6):
            names = [''.join(rng.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
                             for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 5))]
            call(higher_order.normalize, names).returns([capitalised(s) for s in names])


@exercise("prod")
class TestProdHidden:
    @points(1)
    @hint(zh="空列表的积是 1：给 reduce 传初始值 1。", en="The product of an empty list is 1: give reduce the initial value 1.")
    def test_empty_and_single(self, higher_order):
        call(higher_order.prod, []).returns(1)
        call(higher_order.prod, [7]).returns(7)

    @points(2)
    def test_random(self, higher_order, rng):
        for _ in range(10):
            L = [rng.randint(-12, 12) or 1 for _ in range(rng.randint(1, 8))]
            expected = 1
            for x in L:
                expected *= x
            call(higher_order.prod, L).returns(expected)

    @points(1)
    def test_zero_and_floats(self, higher_order):
        call(higher_order.prod, [4, 0, 9]).returns(0)
        call(higher_order.prod, [0.5, 4, 2.5]).returns(5.0)


@exercise("str2float")
class TestStr2FloatHidden:
    @points(1)
    @hint(zh="字符串里可能没有小数点，比如 '42'，这时返回 42.0。", en="The string may have no dot, like '42': then return 42.0.")
    def test_no_dot(self, higher_order):
        call(higher_order.str2float, '42').returns(42.0)
        call(higher_order.str2float, '0').returns(0.0)

    @points(1)
    @hint(zh="小数部分要除以 10 的“小数位数”次方：'0.05' 是 5 / 100。",
          en="Divide the fraction part by 10 to the power of the number of fraction digits: '0.05' is 5 / 100.")
    def test_fraction_digits(self, higher_order):
        call(higher_order.str2float, '0.5').returns(0.5)
        call(higher_order.str2float, '0.05').returns(0.05)
        call(higher_order.str2float, '12345.6').returns(12345.6)

    @points(2)
    def test_random(self, higher_order, rng):
        for _ in range(12):
            whole = str(rng.randint(0, 10 ** rng.randint(1, 6)))
            frac = ''.join(rng.choice('0123456789') for _ in range(rng.randint(0, 6)))
            s = whole + '.' + frac if frac else whole
            call(higher_order.str2float, s).returns(float(s))


@exercise("primes")
class TestPrimesHidden:
    @points(2)
    @hint(zh="在循环里直接写 lambda x: x % n > 0，所有筛子用的都是最新的 n（延迟绑定）。用 _not_divisible(n) 返回 lambda，让每个筛子记住自己的 n。",
          en="A lambda x: x % n > 0 written in the loop makes every filter use the newest n (late binding). Return the lambda from _not_divisible(n) so each filter keeps its own n.")
    def test_many(self, higher_order, rng):
        n = rng.randint(120, 200)
        expect(take_primes(higher_order, n), primes_below(1300)[:n], call=f"list(islice(primes(), {n}))")

    @points(1)
    @hint(zh="2 是第一个素数，也是唯一的偶素数：先 yield 2。", en="2 is the first prime and the only even one: yield 2 first.")
    def test_starts_with_two(self, higher_order):
        expect(take_primes(higher_order, 3), [2, 3, 5], call="list(islice(primes(), 3))")

    @points(1)
    def test_independent_generators(self, higher_order):
        take_primes(higher_order, 1)
        got = call(tool(higher_order, "two_generators"), 15).as_("a, b = primes(), primes(); list(islice(a, 15)), list(islice(b, 15))").result()
        expect(got, (primes_below(100)[:15], primes_below(100)[:15]), call="a, b = primes(), primes(); list(islice(a, 15)), list(islice(b, 15))")


@exercise("is_palindrome")
class TestIsPalindromeHidden:
    @points(2)
    @hint(zh="要比较整个数字倒过来是否相同，只比较首尾两位不够：1231 不是回文数。",
          en="Compare the whole number reversed, not just the first and last digit: 1231 is not a palindrome.")
    def test_filter_range(self, higher_order):
        got = call(tool(higher_order, "palindromes"), 1, 2000).as_("list(filter(is_palindrome, range(1, 2000)))").result()
        expect(got, [n for n in range(1, 2000) if str(n) == str(n)[::-1]],
               call="list(filter(is_palindrome, range(1, 2000)))")

    @points(1)
    def test_edges(self, higher_order):
        call(higher_order.is_palindrome, 0).returns(True)
        call(higher_order.is_palindrome, 10).returns(False)
        call(higher_order.is_palindrome, 1231).returns(False)

    @points(1)
    def test_random_large(self, higher_order, rng):
        for _ in range(6):
            half = str(rng.randint(1, 10 ** 6))
            pal = int(half + rng.choice(['', '0', '7']) + half[::-1])
            call(higher_order.is_palindrome, pal).returns(True)
            call(higher_order.is_palindrome, pal * 10 + 1 if pal % 10 != 1 else pal * 10 + 2).returns(False)


@exercise("by_name")
class TestByNameHidden:
    @points(1)
    @hint(zh="key 只返回名字 pair[0]，不要返回整个 tuple 或成绩。",
          en="The key returns just the name, pair[0]: not the whole tuple, not the score.")
    def test_random_keys(self, higher_order, rng):
        for name, score in random_pairs(rng, 5):
            call(higher_order.by_name, (name, score)).returns(name)

    @points(2)
    def test_random_sort(self, higher_order, rng):
        for _ in range(4):
            pairs = random_pairs(rng, rng.randint(2, 8))
            call(tool(higher_order, "sort_by"), pairs, 'by_name').as_(f"sorted({pairs!r}, key=by_name)").returns(
                sorted(pairs, key=lambda t: t[0]))


@exercise("by_score")
class TestByScoreHidden:
    @points(1)
    @hint(zh="sorted 从小到大排；要高分在前，key 就返回 -成绩。",
          en="sorted goes from small to large; for the highest score first, the key returns -score.")
    def test_random_keys(self, higher_order, rng):
        for name, score in random_pairs(rng, 5):
            call(higher_order.by_score, (name, score)).returns(-score)

    @points(2)
    def test_random_sort(self, higher_order, rng):
        for _ in range(4):
            pairs = random_pairs(rng, rng.randint(2, 8))
            call(tool(higher_order, "sort_by"), pairs, 'by_score').as_(f"sorted({pairs!r}, key=by_score)").returns(
                sorted(pairs, key=lambda t: -t[1]))
