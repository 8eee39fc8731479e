"""Hidden checks for conditions: the boundaries (where the mutants live) and seeded random inputs."""

from gradekit.grader import call, exercise, helper, hint, points, sandbox_source

BOUNDARIES = (18.5, 25, 28, 32)

ODD_OBJECTS = sandbox_source(__file__, "_hidden_sandbox_odd_objects")


def group(age):
    return 'adult' if age >= 18 else 'teenager' if age >= 6 else 'kid'


def category(height, weight):
    bmi = weight / height ** 2
    for limit, word in zip(BOUNDARIES, ('过轻', '正常', '过重', '肥胖')):
        if bmi < limit:
            return word
    return '严重肥胖'


@exercise("age_group")
class TestAgeGroupHidden:
    @points(2)
    @hint(zh="正好 18 岁算 'adult'，正好 6 岁算 'teenager'：用 >=。", en="Exactly 18 is 'adult' and exactly 6 is 'teenager': use >=.")
    def test_boundaries(self, conditions):
        for age in (18, 17, 6, 5):
            call(conditions.age_group, age).returns(group(age))

    @points(1)
    def test_extremes_and_floats(self, conditions):
        for age in (0, 120, 17.5, 5.99, 18.0, 6.0):
            call(conditions.age_group, age).returns(group(age))

    @points(1)
    @hint(zh="要 return 结果字符串，不要 print。", en="Return the string; do not print it.")
    def test_returns_not_prints(self, conditions):
        call(conditions.age_group, 30).prints('')
        call(conditions.age_group, 30).returns('adult')

    @points(2)
    def test_random(self, conditions, rng):
        for _ in range(25):
            age = rng.randint(0, 100)
            call(conditions.age_group, age).returns(group(age))


@exercise("bmi_category")
class TestBmiCategoryHidden:
    @points(2)
    @hint(zh="BMI 正好等于 18.5 属于 '正常'，正好等于 25 属于 '过重'：比较要用 <。",
          en="A BMI of exactly 18.5 is '正常' and exactly 25 is '过重': compare with <.")
    def test_lower_boundaries(self, conditions):
        # height 2 m: weight / 4 is exact, so these BMIs are exactly 18.5 and 25
        for weight in (74, 73.9, 100, 99.9):
            call(conditions.bmi_category, 2, weight).returns(category(2, weight))
        call(conditions.bmi_category, 1, 18.5).returns('正常')

    @points(2)
    @hint(zh="BMI 正好等于 28 属于 '肥胖'，正好等于 32 属于 '严重肥胖'。",
          en="A BMI of exactly 28 is '肥胖' and exactly 32 is '严重肥胖'.")
    def test_upper_boundaries(self, conditions):
        for weight in (112, 111.9, 128, 127.9):
            call(conditions.bmi_category, 2, weight).returns(category(2, weight))
        call(conditions.bmi_category, 0.5, 8).returns('严重肥胖')

    @points(1)
    @hint(zh="五个结果要一字不差：过轻、正常、过重、肥胖、严重肥胖。", en="The five results are exact: 过轻, 正常, 过重, 肥胖, 严重肥胖.")
    def test_every_category(self, conditions):
        for weight, word in ((60, '过轻'), (80, '正常'), (104, '过重'), (120, '肥胖'), (140, '严重肥胖')):
            call(conditions.bmi_category, 2.0, weight).returns(word)

    @points(2)
    @hint(zh="身高要平方：weight_kg / height_m ** 2。参数顺序是先身高后体重。",
          en="Square the height: weight_kg / height_m ** 2. The height comes first, then the weight.")
    def test_random(self, conditions, rng):
        done = 0
        while done < 25:
            height, weight = round(rng.uniform(1.4, 2.1), 2), round(rng.uniform(35, 150), 1)
            bmi = weight / height ** 2
            if any(abs(bmi - b) < 1e-6 for b in BOUNDARIES):
                continue
            call(conditions.bmi_category, height, weight).returns(category(height, weight))
            done += 1


@exercise("emptiness")
class TestEmptinessHidden:
    @points(2)
    @hint(zh="0、0.0、''、[]、{}、()、set()、None、False 都算“空”（假）。直接写 if x:。",
          en="0, 0.0, '', [], {}, (), set(), None and False all count as empty (false). Just write if x:.")
    def test_falsy_values(self, conditions):
        for x in (0, 0.0, '', [], {}, (), set(), None, False):
            call(conditions.emptiness, x).returns('empty')

    @points(2)
    @hint(zh="'0'、' '、[0]、-1 都不是空的：只看 Python 的真假规则，不看“看起来像不像零”。",
          en="'0', ' ', [0] and -1 are not empty: only Python's truth rules count, not whether something looks like zero.")
    def test_truthy_values(self, conditions):
        for x in ('0', ' ', 'False', [0], [[]], (None,), {'': ''}, {0}, -1, 0.001, True):
            call(conditions.emptiness, x).returns('non-empty')

    @points(1)
    def test_objects_decide_their_own_truth(self, conditions):
        make = helper(conditions, ODD_OBJECTS, "make")
        cases = (("Shelf", 0, 'empty'), ("Shelf", 3, 'non-empty'), ("Switch", False, 'empty'), ("Switch", True, 'non-empty'))
        for kind, arg, expected in cases:
            obj = call(make, kind, arg).result()
            call(conditions.emptiness, obj).as_(f"emptiness({kind}({arg!r}))").returns(expected)

    @points(1)
    def test_random(self, conditions, rng):
        for _ in range(20):
            n = rng.randint(0, 3)
            x = rng.choice([n, "x" * n, [0] * n, tuple(range(n)), float(n) / 2])
            call(conditions.emptiness, x).returns('non-empty' if x else 'empty')
