"""Public checks for special_methods: the notes' examples, shipped to students.

Your objects stay in the sandbox; the grader works on them through str(), repr(), iteration,
indexing, attribute access and calls, exactly as written in the messages.
"""

import operator

from gradekit.grader import call, exercise, expect, fail, grader_module, points, public

take = grader_module(__file__, "_shared").take


@exercise("Student")
class TestStudent:
    @public
    @points(2)
    def test_str(self, special_methods):
        s = call(special_methods.Student, "Michael").result()
        call(str, s).as_("str(Student('Michael'))").returns("Student object (name: Michael)")

    @public
    @points(1)
    def test_repr(self, special_methods):
        s = call(special_methods.Student, "Michael").result()
        call(repr, s).as_("repr(Student('Michael'))").returns("Student object (name: Michael)")

    @public
    @points(1)
    def test_current_name(self, special_methods):
        # Bold in the statement: NAME is the current self.name, read when str() is called.
        s = call(special_methods.Student, "Ann").result()
        call(setattr, s, "name", "Eve").as_("s = Student('Ann'); s.name = 'Eve'").result()
        call(str, s).as_("s = Student('Ann'); s.name = 'Eve'; str(s)").returns("Student object (name: Eve)")


@exercise("Fib")
class TestFib:
    @public
    @points(2)
    def test_iterates(self, special_methods):
        fib = call(special_methods.Fib).result()
        got = take(fib, "Fib()")[:10]
        want = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
        if got != want:
            fail(zh=f"list(Fib()) 的前 10 个数应该是 {want}，实际是 {got}",
                 en=f"the first 10 numbers of list(Fib()) should be {want}, but they are {got}")

    @public
    @points(1)
    def test_index(self, special_methods):
        fib = call(special_methods.Fib).result()
        call(operator.getitem, fib, 0).as_("Fib()[0]").returns(1)
        call(operator.getitem, fib, 5).as_("Fib()[5]").returns(8)

    @public
    @points(1)
    def test_slice(self, special_methods):
        fib = call(special_methods.Fib).result()
        call(operator.getitem, fib, slice(0, 5)).as_("Fib()[0:5]").returns([1, 1, 2, 3, 5])

    @public
    @points(1)
    def test_stops_at_limit_and_indexing_leaves_it(self, special_methods):
        # Bold in the statement: only numbers not above 100000, and indexing must not affect iteration.
        fib = call(special_methods.Fib).result()
        call(operator.getitem, fib, 4).as_("f[4]  # f = Fib()").returns(5)
        got = take(fib, "f")
        if got[:10] != [1, 1, 2, 3, 5, 8, 13, 21, 34, 55] or not got or got[-1] != 75025:
            last = got[-1] if got else None
            fail(zh=f"f = Fib(); f[4]; list(f)：应该从 [1, 1, 2, 3, 5, ...] 开始，以 75025 结束（不超过 100000）；"
                    f"实际前 10 个是 {got[:10]}，最后一个是 {last!r}。",
                 en=f"f = Fib(); f[4]; list(f): expected to start [1, 1, 2, 3, 5, ...] and end at 75025 (not above 100000); "
                    f"got the first 10 {got[:10]} and the last {last!r}.")


@exercise("Chain")
class TestChain:
    @public
    @points(2)
    def test_path(self, special_methods):
        c = call(special_methods.Chain).result()
        user = c.api.v1.user
        call(str, user).as_("str(Chain().api.v1.user)").returns("/api/v1/user")

    @public
    @points(1)
    def test_segment_named_path(self, special_methods):
        # The statement's "pay attention" list: keep your own data where no path segment can hide it.
        c = call(special_methods.Chain).result()
        shop = call(getattr, c, "shop").as_("Chain().shop").result()
        end = call(getattr, shop, "path").as_("Chain().shop.path").result()
        got = call(str, end).as_("str(Chain().shop.path)").result()
        expect(got, "/shop/path", call="str(Chain().shop.path)")

    @public
    @points(2)
    def test_call(self, special_methods):
        c = call(special_methods.Chain).result()
        # expect(...) rather than .returns(): a failing .returns() on a Chain would look up where it was
        # defined through attribute access, which a Chain answers with more Chains.
        got = call(c.users.list).as_("Chain().users.list()").result()
        expect(got, "Requesting /users/list, args=(), kwargs={}", call="Chain().users.list()")
        got = call(c.api.v1.user, id=1).as_("Chain().api.v1.user(id=1)").result()
        expect(got, "Requesting /api/v1/user, args=(), kwargs={'id': 1}", call="Chain().api.v1.user(id=1)")
