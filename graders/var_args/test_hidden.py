"""Hidden checks for var_args: edges, traps and seeded random inputs."""

from functools import reduce

from gradekit.grader import call, exercise, hint, points

WORDS = ['Beijing', 'Shanghai', 'Engineer', 'Teacher', 'M', 'F', 'Python', '北京']
KEYS = ['city', 'job', 'gender', 'school', 'hobby', 'email']


@exercise("calc")
class TestCalcHidden:
    @points(2)
    @hint(zh="calc(1, 2, 3) 是三个参数，不是一个列表：参数要写成 *numbers。",
          en="calc(1, 2, 3) passes three arguments, not one list: the parameter must be *numbers.")
    def test_random_unpacked(self, var_args, rng):
        for _ in range(10):
            nums = [rng.randint(-50, 50) for _ in range(rng.randint(0, 8))]
            call(var_args.calc, *nums).returns(sum(n * n for n in nums))

    @points(1)
    def test_single_and_floats(self, var_args, rng):
        call(var_args.calc, 2).returns(4)
        call(var_args.calc, -3).returns(9)
        nums = [rng.uniform(-10, 10) for _ in range(5)]
        call(var_args.calc, *nums).returns(sum(n * n for n in nums))


@exercise("mul")
class TestMulHidden:
    @points(2)
    def test_random(self, var_args, rng):
        for _ in range(10):
            nums = [rng.randint(-9, 9) or 1 for _ in range(rng.randint(1, 7))]
            call(var_args.mul, *nums).returns(reduce(lambda a, b: a * b, nums))

    @points(1)
    @hint(zh="没有参数时不能悄悄返回 1，要 raise TypeError。", en="With no arguments do not quietly return 1: raise TypeError.")
    def test_no_arguments(self, var_args):
        call(var_args.mul).raises(TypeError)

    @points(1)
    def test_zero_and_floats(self, var_args):
        call(var_args.mul, 3, 0, 7).returns(0)
        call(var_args.mul, 2.5, 4).returns(10.0)
        call(var_args.mul, -2, -3).returns(6)


@exercise("person")
class TestPersonHidden:
    @points(2)
    @hint(zh="额外的关键字参数要和 name、age 放在同一层字典里，不要嵌套。",
          en="Extra keyword arguments go into the same flat dict as name and age, not a nested one.")
    def test_random_keywords(self, var_args, rng):
        for _ in range(6):
            extra = {k: rng.choice(WORDS) for k in rng.sample(KEYS, rng.randint(1, 4))}
            name, age = rng.choice(['Lisa', 'Bart', 'Tom']), rng.randint(1, 90)
            call(var_args.person, name, age, **extra).returns({'name': name, 'age': age, **extra})

    @points(1)
    def test_keywords_for_required(self, var_args):
        call(var_args.person, age=20, name='Amy').returns({'name': 'Amy', 'age': 20})
        call(var_args.person, 'Amy', 20, age2=21).returns({'name': 'Amy', 'age': 20, 'age2': 21})


@exercise("city_person")
class TestCityPersonHidden:
    @points(2)
    @hint(zh="在 city 前面加一个单独的 *，city 和 job 就只能按名字传了。",
          en="Put a bare * before city: then city and job can only be passed by name.")
    def test_positional_rejected(self, var_args):
        # the right call must work first: the stub's signature alone already rejects these
        call(var_args.city_person, 'Jack', 24, job='Engineer').returns(
            {'name': 'Jack', 'age': 24, 'city': 'Beijing', 'job': 'Engineer'})
        call(var_args.city_person, 'Jack', 24, 'Beijing', 'Engineer').raises(TypeError)
        call(var_args.city_person, 'Jack', 24, 'Engineer').raises(TypeError)

    @points(1)
    @hint(zh="job 没有默认值：调用时不传 job 应该报 TypeError。",
          en="job has no default: leaving it out must raise TypeError.")
    def test_job_required(self, var_args):
        call(var_args.city_person, 'Tom', 9, city='Shanghai', job='Student').returns(
            {'name': 'Tom', 'age': 9, 'city': 'Shanghai', 'job': 'Student'})
        call(var_args.city_person, 'Jack', 24).raises(TypeError)
        call(var_args.city_person, 'Jack', 24, city='Shanghai').raises(TypeError)

    @points(1)
    def test_random(self, var_args, rng):
        for _ in range(5):
            name, age = rng.choice(['Lisa', 'Bart', 'Tom']), rng.randint(1, 90)
            city, job = rng.choice(['Chengdu', 'Hangzhou', '南京']), rng.choice(['Engineer', 'Doctor'])
            call(var_args.city_person, name, age, job=job, city=city).returns(
                {'name': name, 'age': age, 'city': city, 'job': job})
