"""Public checks for var_args: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public


@exercise("calc")
class TestCalc:
    @public
    @points(2)
    def test_several_arguments(self, var_args):
        call(var_args.calc, 1, 2, 3).returns(14)
        call(var_args.calc, 1, 3, 5, 7).returns(84)

    @public
    @points(1)
    def test_no_arguments(self, var_args):
        call(var_args.calc).returns(0)


@exercise("mul")
class TestMul:
    @public
    @points(2)
    def test_products(self, var_args):
        call(var_args.mul, 5).returns(5)
        call(var_args.mul, 5, 6).returns(30)
        call(var_args.mul, 5, 6, 7, 9).returns(1890)

    @public
    @points(1)
    def test_none_raises(self, var_args):
        call(var_args.mul).raises(TypeError)


@exercise("person")
class TestPerson:
    @public
    @points(1)
    def test_no_extras(self, var_args):
        call(var_args.person, 'Michael', 30).returns({'name': 'Michael', 'age': 30})

    @public
    @points(2)
    def test_extras(self, var_args):
        call(var_args.person, 'Bob', 35, city='Beijing').returns(
            {'name': 'Bob', 'age': 35, 'city': 'Beijing'})
        call(var_args.person, 'Adam', 45, gender='M', job='Engineer').returns(
            {'name': 'Adam', 'age': 45, 'gender': 'M', 'job': 'Engineer'})


@exercise("city_person")
class TestCityPerson:
    @public
    @points(1)
    def test_default_city(self, var_args):
        call(var_args.city_person, 'Jack', 24, job='Engineer').returns(
            {'name': 'Jack', 'age': 24, 'city': 'Beijing', 'job': 'Engineer'})

    @public
    @points(1)
    def test_given_city(self, var_args):
        call(var_args.city_person, 'Jack', 24, city='Shanghai', job='Engineer').returns(
            {'name': 'Jack', 'age': 24, 'city': 'Shanghai', 'job': 'Engineer'})

    @public
    @points(1)
    def test_keyword_only(self, var_args):
        # The statement's rule for keyword-only parameters: by position is a TypeError, and so is a missing job.
        # The right call must work first: the stub's signature alone already rejects the others.
        call(var_args.city_person, 'Lily', 30, city='Xian', job='Nurse').returns(
            {'name': 'Lily', 'age': 30, 'city': 'Xian', 'job': 'Nurse'})
        call(var_args.city_person, 'Lily', 30, 'Xian', 'Nurse').raises(TypeError)
        call(var_args.city_person, 'Lily', 30, city='Xian').raises(TypeError)
