"""Public checks for higher_order: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, expect, fail, helper, points, public, sandbox_source
from gradekit.grader.structure import forbid_names

# Runs in the sandbox child next to the student's module.
TOOLS = sandbox_source(__file__, "_sandbox_tools")

SCORES = [('Bob', 75), ('Adam', 92), ('Bart', 66), ('Lisa', 88)]


def take_primes(topic, n):
    got = call(helper(topic, TOOLS, "take_primes"), n).as_(f"list(islice(primes(), {n}))").result()
    if isinstance(got, str):
        fail(zh=f"primes() 应该返回一个生成器（函数体里用 yield），实际返回了 {got.split()[-1]}",
             en=f"primes() should return a generator (use yield in its body), but it returned a {got.split()[-1]}")
    return got


@exercise("normalize")
class TestNormalize:
    @public
    @points(2)
    def test_notes_example(self, higher_order):
        call(higher_order.normalize, ['adam', 'LISA', 'barT']).returns(['Adam', 'Lisa', 'Bart'])


@exercise("prod")
class TestProd:
    @public
    @points(2)
    def test_notes_example(self, higher_order):
        call(higher_order.prod, [3, 5, 7, 9]).returns(945)


@exercise("str2float")
class TestStr2Float:
    @public
    @points(2)
    def test_notes_example(self, higher_order):
        call(higher_order.str2float, '123.456').returns(123.456)

    @public
    @points(1)
    def test_digit_counts_differ(self, higher_order):
        # Whole and fraction parts of different lengths, and no dot at all ('42' gives 42.0 in the statement).
        call(higher_order.str2float, '3.25').returns(3.25)
        call(higher_order.str2float, '7').returns(7.0)

    @public
    @points(1)
    def test_no_float(self, higher_order, student_file):
        # only a working str2float earns this point (the stub does not call float either)
        call(higher_order.str2float, '1.5').returns(1.5)
        forbid_names(student_file, {"float", "eval"}, within="str2float",
                     zh="str2float 里不许用 float() 或 eval()：用 DIGITS、map 和 reduce 自己算",
                     en="str2float must not use float() or eval(): compute it yourself with DIGITS, map and reduce")


@exercise("primes")
class TestPrimes:
    @public
    @points(2)
    def test_first_ten(self, higher_order):
        expect(take_primes(higher_order, 10), [2, 3, 5, 7, 11, 13, 17, 19, 23, 29],
               call="list(islice(primes(), 10))")


@exercise("is_palindrome")
class TestIsPalindrome:
    @public
    @points(1)
    def test_palindromes(self, higher_order):
        call(higher_order.is_palindrome, 121).returns(True)
        call(higher_order.is_palindrome, 7).returns(True)

    @public
    @points(1)
    def test_not_palindromes(self, higher_order):
        call(higher_order.is_palindrome, 123).returns(False)


@exercise("by_name")
class TestByName:
    @public
    @points(1)
    def test_key_value(self, higher_order):
        call(higher_order.by_name, ('Bob', 75)).returns('Bob')

    @public
    @points(1)
    def test_sorted(self, higher_order):
        sort_by = helper(higher_order, TOOLS, "sort_by")
        call(sort_by, SCORES, 'by_name').as_(f"sorted({SCORES!r}, key=by_name)").returns(
            [('Adam', 92), ('Bart', 66), ('Bob', 75), ('Lisa', 88)])


@exercise("by_score")
class TestByScore:
    @public
    @points(1)
    def test_key_value(self, higher_order):
        call(higher_order.by_score, ('Bob', 75)).returns(-75)

    @public
    @points(1)
    def test_sorted(self, higher_order):
        sort_by = helper(higher_order, TOOLS, "sort_by")
        call(sort_by, SCORES, 'by_score').as_(f"sorted({SCORES!r}, key=by_score)").returns(
            [('Adam', 92), ('Lisa', 88), ('Bob', 75), ('Bart', 66)])
