"""Hidden checks for special_methods: random names, the end of the sequence, indexing that must not
disturb iteration, random slices, branching chains and random call arguments."""

import operator

from gradekit.grader import call, exercise, expect, grader_module, hint, points

take = grader_module(__file__, "_shared").take

NAMES = ["Michael", "Bob", "Lisa", "张三", "李四", "Ada Lovelace", "O'Brien", "x", "王小明", "Émile"]
WORDS = ["api", "v1", "v2", "users", "user", "list", "status", "timeline", "posts", "repos", "comments",
         "search", "items", "login", "photos", "tags"]


def fib_numbers(count):
    a, b, out = 1, 1, []
    for _ in range(count):
        out.append(a)
        a, b = b, a + b
    return out


FIB_UP_TO_100000 = [x for x in fib_numbers(40) if x <= 100000]


def walk(chain, names, start="Chain()"):
    label = start
    for name in names:
        label = f"{label}.{name}"
        chain = call(getattr, chain, name).as_(label).result()
    return chain, label


@exercise("Student")
class TestStudentHidden:
    @points(2)
    @hint(zh="repr() 调用的是 __repr__，不是 __str__：在类里加一行 __repr__ = __str__。",
          en="repr() calls __repr__, not __str__: add the line __repr__ = __str__ to the class.")
    def test_random_names(self, special_methods, rng):
        for name in rng.sample(NAMES, 4):
            s = call(special_methods.Student, name).result()
            want = f"Student object (name: {name})"
            call(str, s).as_(f"str(Student({name!r}))").returns(want)
            call(repr, s).as_(f"repr(Student({name!r}))").returns(want)

    @points(1)
    @hint(zh="__str__ 要 return 字符串，不能 print；返回 None 会让 str() 抛出 TypeError。",
          en="__str__ must return the string, not print it; returning None makes str() raise TypeError.")
    def test_name_and_current_value(self, special_methods):
        s = call(special_methods.Student, "Michael").result()
        call(getattr, s, "name").as_("Student('Michael').name").returns("Michael")
        call(setattr, s, "name", "Bob").as_("s.name = 'Bob'").result()
        call(str, s).as_("s.name = 'Bob'; str(s)").returns("Student object (name: Bob)")
        call(repr, s).as_("s.name = 'Bob'; repr(s)").returns("Student object (name: Bob)")


@exercise("Fib")
class TestFibHidden:
    @points(2)
    @hint(zh="先算出下一个数，再判断它是否超过 100000：最后一个数是 75025，121393 不应该出现。",
          en="Compute the next number first, then test whether it exceeds 100000: the last number is 75025, "
             "121393 must not appear.")
    def test_whole_sequence(self, special_methods):
        got = take(call(special_methods.Fib).result(), "Fib()")
        expect(got, FIB_UP_TO_100000, call="list(Fib())")

    @points(2)
    def test_random_indexes(self, special_methods, rng):
        numbers = fib_numbers(80)
        for n in sorted(rng.sample(range(0, 75), 8)) + [1, 2, 24, 30]:
            fib = call(special_methods.Fib).result()
            call(operator.getitem, fib, n).as_(f"Fib()[{n}]").returns(numbers[n])

    @points(2)
    @hint(zh="切片 Fib()[start:stop] 包括下标 start、不包括下标 stop，和 list 的切片一样；start 省略表示 0。",
          en="A slice Fib()[start:stop] includes index start and excludes index stop, like list slicing; "
             "an omitted start means 0.")
    def test_random_slices(self, special_methods, rng):
        numbers = fib_numbers(80)
        cases = [(None, 3), (5, 5), (0, 1)]
        for _ in range(6):
            start = rng.randint(0, 30)
            cases.append((start, start + rng.randint(0, 15)))
        for start, stop in cases:
            fib = call(special_methods.Fib).result()
            shown = f"Fib()[{'' if start is None else start}:{stop}]"
            call(operator.getitem, fib, slice(start, stop)).as_(shown).returns(numbers[start:stop])

    @points(2)
    @hint(zh="__getitem__ 要用自己的局部变量从头算（a, b = 1, 1），不要用 self.a/self.b，也不要迭代 self："
             "取下标不能改变迭代的进度，同一个下标取两次结果要一样。",
          en="__getitem__ must count from the start with its own locals (a, b = 1, 1), not with self.a/self.b and "
             "not by iterating self: indexing must not change the iteration, and the same index twice gives the "
             "same number.")
    def test_indexing_leaves_iteration_alone(self, special_methods, rng):
        numbers = fib_numbers(40)
        f = call(special_methods.Fib).result()
        n = rng.randint(8, 20)
        for label in (f"f = Fib(); f[{n}]", f"f = Fib(); f[{n}]; f[{n}]"):
            call(operator.getitem, f, n).as_(label).returns(numbers[n])
        call(operator.getitem, f, slice(2, 6)).as_(f"f = Fib(); f[{n}]; f[{n}]; f[2:6]").returns(numbers[2:6])
        got = take(f, "f")
        expect(got, FIB_UP_TO_100000, call=f"f = Fib(); f[{n}]; f[{n}]; f[2:6]; list(f)")

    @points(1)
    def test_instances_are_independent(self, special_methods):
        a = call(special_methods.Fib).result()
        b = call(special_methods.Fib).result()
        ia = call(iter, a).as_("iter(a)").result()
        ib = call(iter, b).as_("iter(b)").result()
        got = [next(ia), next(ia), next(ia), next(ib), next(ia), next(ib)]
        expect(got, [1, 1, 2, 1, 3, 1], call="a, b = iter(Fib()), iter(Fib()); next(a), next(a), next(a), next(b), next(a), next(b)")


@exercise("Chain")
class TestChainHidden:
    @points(2)
    def test_random_paths(self, special_methods, rng):
        for _ in range(5):
            names = [rng.choice(WORDS) for _ in range(rng.randint(1, 6))]
            end, label = walk(call(special_methods.Chain).result(), names)
            call(str, end).as_(f"str({label})").returns("/" + "/".join(names))

    @points(2)
    @hint(zh="__getattr__ 不能修改 self（self._path += ...），要 return 一个新的 Chain；"
             "否则从同一个 Chain 出发的两条路径会互相影响。",
          en="__getattr__ must not change self (self._path += ...): return a new Chain; otherwise two paths that "
             "start from the same Chain spoil each other.")
    def test_branching(self, special_methods):
        root = call(special_methods.Chain).result()
        base, _ = walk(root, ["api"])
        users, _ = walk(base, ["users"], "base")
        posts, _ = walk(base, ["posts"], "base")
        call(str, users).as_("base = Chain().api; str(base.users)").returns("/api/users")
        call(str, posts).as_("base = Chain().api; base.users; str(base.posts)").returns("/api/posts")
        call(str, base).as_("base = Chain().api; base.users; base.posts; str(base)").returns("/api")
        call(str, root).as_("str(Chain())").returns("")

    @points(2)
    def test_random_calls(self, special_methods, rng):
        for _ in range(4):
            names = [rng.choice(WORDS) for _ in range(rng.randint(1, 4))]
            args = tuple(rng.choice([1, 42, -7, "x", "张三", 2.5, None, True])
                         for _ in range(rng.randint(0, 3)))
            kwargs = {k: rng.randint(0, 99) for k in rng.sample(["id", "page", "size", "q"], rng.randint(0, 3))}
            end, label = walk(call(special_methods.Chain).result(), names)
            parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
            want = f"Requesting /{'/'.join(names)}, args={args}, kwargs={kwargs}"
            shown = f"{label}({', '.join(parts)})"
            expect(call(end, *args, **kwargs).as_(shown).result(), want, call=shown)

    @points(1)
    @hint(zh="__getattr__ 只在属性“不存在”时才被调用。如果把路径存在 self.path，那 Chain().path 就直接得到这个字符串了；"
             "用下划线开头的名字，例如 self._path。",
          en="__getattr__ runs only for attributes that do not exist. If you keep the path in self.path, then "
             "Chain().path just gives that string; use a name with a leading underscore, such as self._path.")
    def test_segments_named_like_attributes(self, special_methods):
        for names in (["path"], ["repos", "path", "name"], ["name", "args"]):
            end, label = walk(call(special_methods.Chain).result(), names)
            call(str, end).as_(f"str({label})").returns("/" + "/".join(names))
