"""Public checks for default_args: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public


@exercise("power")
class TestPower:
    @public
    @points(1)
    def test_default_square(self, default_args):
        call(default_args.power, 5).returns(25)

    @public
    @points(1)
    def test_given_exponent(self, default_args):
        call(default_args.power, 2, 10).returns(1024)
        call(default_args.power, 5, 3).returns(125)


@exercise("enroll")
class TestEnroll:
    @public
    @points(1)
    def test_defaults(self, default_args):
        call(default_args.enroll, 'Sarah', 'F').returns(
            {'name': 'Sarah', 'gender': 'F', 'age': 6, 'city': 'Beijing'})

    @public
    @points(1)
    def test_keyword_city(self, default_args):
        call(default_args.enroll, 'Adam', 'M', city='Tianjin').returns(
            {'name': 'Adam', 'gender': 'M', 'age': 6, 'city': 'Tianjin'})


@exercise("add_end")
class TestAddEnd:
    @public
    @points(1)
    def test_given_list(self, default_args):
        call(default_args.add_end, [1, 2, 3]).returns([1, 2, 3, 'END'])

    @public
    @points(2)
    def test_two_bare_calls(self, default_args):
        call(default_args.add_end).as_("add_end()  #1").returns(['END'])
        call(default_args.add_end).as_("add_end()  #2").returns(['END'])
