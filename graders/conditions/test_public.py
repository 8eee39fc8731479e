"""Public checks for conditions: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public


@exercise("age_group")
class TestAgeGroup:
    @public
    @points(2)
    def test_three_groups(self, conditions):
        call(conditions.age_group, 20).returns('adult')
        call(conditions.age_group, 10).returns('teenager')
        call(conditions.age_group, 3).returns('kid')


@exercise("bmi_category")
class TestBmiCategory:
    @public
    @points(2)
    def test_typical(self, conditions):
        call(conditions.bmi_category, 1.75, 70).returns('正常')
        call(conditions.bmi_category, 1.6, 45).returns('过轻')

    @public
    @points(1)
    def test_heavy(self, conditions):
        call(conditions.bmi_category, 1.7, 100).returns('严重肥胖')

    @public
    @points(1)
    def test_overweight_and_obese(self, conditions):
        # Every one of the five exact words is checked publicly, not only three of them.
        call(conditions.bmi_category, 1.6, 70).returns('过重')
        call(conditions.bmi_category, 1.6, 78).returns('肥胖')


@exercise("emptiness")
class TestEmptiness:
    @public
    @points(2)
    def test_strings(self, conditions):
        call(conditions.emptiness, '').returns('empty')
        call(conditions.emptiness, 'aa').returns('non-empty')

    @public
    @points(1)
    def test_numbers(self, conditions):
        call(conditions.emptiness, 0).returns('empty')
        call(conditions.emptiness, 10).returns('non-empty')
