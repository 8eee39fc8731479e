"""Public checks for comprehensions: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public


@exercise("squares")
class TestSquares:
    @public
    @points(1)
    def test_one_to_ten(self, comprehensions):
        call(comprehensions.squares, 10).returns([1, 4, 9, 16, 25, 36, 49, 64, 81, 100])


@exercise("even_squares")
class TestEvenSquares:
    @public
    @points(1)
    def test_one_to_ten(self, comprehensions):
        call(comprehensions.even_squares, 10).returns([4, 16, 36, 64, 100])


@exercise("sign_flip")
class TestSignFlip:
    @public
    @points(1)
    def test_one_to_ten(self, comprehensions):
        call(comprehensions.sign_flip, 10).returns([-1, 2, -3, 4, -5, 6, -7, 8, -9, 10])


@exercise("lower_strings")
class TestLowerStrings:
    @public
    @points(1)
    def test_notes_example(self, comprehensions):
        call(comprehensions.lower_strings, ['Hello', 'World', 18, 'Apple', None]).returns(
            ['hello', 'world', 'apple'])


@exercise("cross")
class TestCross:
    @public
    @points(1)
    def test_notes_example(self, comprehensions):
        call(comprehensions.cross, 'ABC', 'XYZ').returns(
            ['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ'])


@exercise("kv_pairs")
class TestKvPairs:
    @public
    @points(1)
    def test_notes_example(self, comprehensions):
        call(comprehensions.kv_pairs, {'a': 1, 'b': 2, 'c': 3}).returns(['a=1', 'b=2', 'c=3'])

    @public
    @points(1)
    def test_string_value_as_str_shows_it(self, comprehensions):
        # The statement fixes the text: a value as str() shows it, so a string has no quotes.
        call(comprehensions.kv_pairs, {'lang': 'py', 'v': 3}).returns(['lang=py', 'v=3'])
