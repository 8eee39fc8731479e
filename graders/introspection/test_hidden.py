"""Hidden checks for introspection: built-ins, bools, generator functions, methods, falsy attributes,
and seeded random objects compared with what dir() says in the sandbox."""

from gradekit.grader import call, exercise, expect, fail, helper, hint, points, sandbox_source, type_name
from gradekit.grader import show

ZOO = sandbox_source(__file__, "_hidden_sandbox_zoo")

# name in the zoo -> (how the message shows it, its kind)
ZOO_KINDS = {
    "fn": ("fn", "function"), "lambda": ("lambda x: x", "function"), "abs": ("abs", "function"),
    "len": ("len", "function"), "upper": ("'abc'.upper", "function"), "method": ("Dog('Rex').bark", "function"),
    "countdown": ("countdown  # def countdown(n): yield n", "function"), "gen": ("countdown(3)", "generator"),
    "genexp": ("(x for x in range(10))", "generator"), "Dog": ("Dog", "class"), "Animal": ("Animal", "class"),
    "int": ("int", "class"), "str": ("str", "class"), "dog": ("Dog('Rex')", "other"),
    "complex": ("2 + 3j", "number"), "lazy": ("Lazy()", "other"), "range": ("range(3)", "other"),
}
PLAIN_KINDS = [(123, "number"), (-4.5, "number"), (0, "number"), (10**30, "number"), (True, "other"),
               (False, "other"), ("abc", "string"), ("", "string"), (None, "other"), ([1, 2], "other"),
               ((1,), "other"), ({"a": 1}, "other"), (b"x", "other"), ({3}, "other")]
PLAIN = [123, -4.5, True, "abc", "", None, [1], (1, 2), {"a": 1}, b"x", {3}, frozenset(), 10**20, 0.0]


def zoo(topic):
    return call(helper(topic, ZOO, "zoo")).as_("zoo()").result()


@exercise("type_name")
class TestTypeNameHidden:
    @points(2)
    def test_random_objects(self, introspection, rng):
        z = zoo(introspection)
        picks = rng.sample(sorted(ZOO_KINDS), 8)
        for key in picks:
            shown = ZOO_KINDS[key][0]
            call(introspection.type_name, z[key]).as_(f"type_name({shown})").returns(type_name(z[key]))
        for value in rng.sample(PLAIN, 8):
            call(introspection.type_name, value).returns(type(value).__name__)

    @points(1)
    @hint(zh="要的是类型的名字（一个字符串）：type(obj).__name__，不是 type(obj) 本身，也不是 str(type(obj))。",
          en="The name of the type is wanted (a string): type(obj).__name__, not type(obj) itself nor str(type(obj)).")
    def test_builtins_and_classes(self, introspection):
        z = zoo(introspection)
        call(introspection.type_name, z["abs"]).as_("type_name(abs)").returns("builtin_function_or_method")
        call(introspection.type_name, z["Dog"]).as_("type_name(Dog)").returns("type")
        call(introspection.type_name, z["gen"]).as_("type_name(countdown(3))").returns("generator")
        call(introspection.type_name, True).returns("bool")


@exercise("kind_of")
class TestKindOfHidden:
    @points(2)
    @hint(zh="True 和 False 是 bool；bool 是 int 的子类，所以 isinstance(True, int) 也是 True。要先排除 bool。",
          en="True and False are bools, and bool is a subclass of int, so isinstance(True, int) is True too. "
             "Rule bool out first.")
    def test_bools_are_not_numbers(self, introspection):
        # True is asked on the public check; this one keeps the other bool.
        call(introspection.kind_of, False).returns("other")
        call(introspection.kind_of, 1).returns("number")

    @points(2)
    @hint(zh="笔记里说 type(abs) == types.FunctionType，这是错的：abs、len 这样的内置函数是 "
             "types.BuiltinFunctionType，对象的方法是 types.MethodType，它们也算 'function'。",
          en="The notes claim type(abs) == types.FunctionType, which is wrong: built-ins such as abs and len are "
             "types.BuiltinFunctionType and bound methods are types.MethodType; they count as 'function' too.")
    def test_builtins_and_methods(self, introspection):
        z = zoo(introspection)
        for key in ("abs", "len", "upper", "method"):
            shown, kind = ZOO_KINDS[key]
            call(introspection.kind_of, z[key]).as_(f"kind_of({shown})").returns(kind)

    @points(2)
    @hint(zh="类也是可调用的（Dog() 会创建对象），所以不能用 callable() 判断函数；用 isinstance(obj, type) 判断类。"
             "生成器函数本身是 function，调用它得到的才是 generator。",
          en="Classes are callable too (Dog() makes an object), so callable() does not tell functions apart; "
             "test classes with isinstance(obj, type). A generator function is a function; calling it gives a generator.")
    def test_classes_and_generators(self, introspection):
        z = zoo(introspection)
        for key in ("Dog", "int", "str", "countdown", "gen", "genexp"):
            shown, kind = ZOO_KINDS[key]
            call(introspection.kind_of, z[key]).as_(f"kind_of({shown})").returns(kind)

    @points(2)
    def test_random_mix(self, introspection, rng):
        z = zoo(introspection)
        for key in rng.sample(sorted(ZOO_KINDS), 10):
            shown, kind = ZOO_KINDS[key]
            call(introspection.kind_of, z[key]).as_(f"kind_of({shown})").returns(kind)
        for value, kind in rng.sample(PLAIN_KINDS, 8):
            call(introspection.kind_of, value).returns(kind)


NAME_POOL = ["color", "size", "age", "score", "x", "y", "title", "count", "alpha", "zeta",
             "_hidden", "_cache", "__mangled", "__weird__", "_", "Upper", "camelCase", "item2"]


@exercise("public_attrs")
class TestPublicAttrsHidden:
    @points(2)
    @hint(zh="用 dir(obj)：它也列出类里定义的方法和类属性。然后去掉所有以下划线开头的名字（不只是 __xxx__，_secret 也要去掉）。",
          en="Use dir(obj): it also lists the methods and class attributes defined in the class. Then drop every name "
             "starting with an underscore (not only __xxx__ names: _secret goes too).")
    def test_random_objects(self, introspection, rng):
        z = zoo(introspection)
        for _ in range(4):
            names = rng.sample(NAME_POOL, rng.randint(2, 9))
            attrs = {n: rng.randint(0, 9) for n in names}
            obj = call(z["make"], attrs).as_(f"make({attrs})").result()
            want = [n for n in call(z["child_dir"], obj).result() if not n.startswith("_")]
            call(introspection.public_attrs, obj).as_(f"t = make({attrs}); public_attrs(t)").returns(want)

    @points(2)
    @hint(zh="dir(obj) 会列出对象的全部属性和方法，包括从类和父类继承来的；vars(obj) 或 obj.__dict__ 只有实例自己的属性。",
          en="dir(obj) lists all attributes and methods, including those from the class and its base classes; "
             "vars(obj) or obj.__dict__ only holds the instance's own attributes.")
    def test_builtins_and_classes(self, introspection):
        z = zoo(introspection)
        for value, shown in (("ABC", "'ABC'"), ([1, 2], "[1, 2]"), (z["Dog"], "Dog"), (z["int"], "int"), (7, "7")):
            want = [n for n in call(z["child_dir"], value).result() if not n.startswith("_")]
            call(introspection.public_attrs, value).as_(f"public_attrs({shown})").returns(want)


VALUES = [0, "", None, False, [], 0.0, 7, "text", [1, 2], {"k": 1}, True, -3]


@exercise("attr_or")
class TestAttrOrHidden:
    @points(2)
    @hint(zh="属性存在但值是 0、''、None、False 或 [] 时，也要返回这个值，不能返回 default。"
             "getattr(obj, name, default) 正好这样做；不要写 getattr(...) or default。",
          en="When the attribute exists but is 0, '', None, False or [], return that value, not the default. "
             "getattr(obj, name, default) does exactly that; do not write getattr(...) or default.")
    def test_falsy_values(self, introspection):
        z = zoo(introspection)
        for value in (0, "", None, False, []):
            t = call(z["make"], {"v": value}).as_(f"t.v = {value!r}").result()
            call(introspection.attr_or, t, "v", "DEFAULT").as_(f"t.v = {value!r}; attr_or(t, 'v', 'DEFAULT')") \
                .returns(value)

    @points(2)
    def test_random_attributes(self, introspection, rng):
        z = zoo(introspection)
        names = rng.sample(NAME_POOL[:10], 5)
        attrs = {n: rng.choice(VALUES) for n in names}
        t = call(z["make"], attrs).as_(f"make({attrs})").result()
        for name in rng.sample(NAME_POOL[:10], 8):
            default = rng.choice(["DEFAULT", -1, None, 404])
            want = attrs.get(name, default)
            call(introspection.attr_or, t, name, default).as_(f"t = make({attrs}); attr_or(t, {name!r}, {default!r})") \
                .returns(want)

    @points(2)
    @hint(zh="属性不一定在实例的 __dict__ 里：类属性、方法、内置对象的属性也都算。用 getattr(obj, name, default)。",
          en="An attribute is not necessarily in the instance's __dict__: class attributes, methods and attributes "
             "of built-in objects count too. Use getattr(obj, name, default).")
    def test_class_attributes_and_builtins(self, introspection):
        z = zoo(introspection)
        t = call(z["make"], {}).as_("t = Thing()").result()
        call(introspection.attr_or, t, "kind", "nothing").as_("attr_or(t, 'kind', 'nothing')  # class Thing: kind = 'thing'") \
            .returns("thing")
        call(introspection.attr_or, 5, "real", None).returns(5)
        call(introspection.attr_or, "abc", "nope", "x").returns("x")
        method = call(introspection.attr_or, t, "hello", "nothing").as_("attr_or(t, 'hello', 'nothing')").result()
        if type_name(method) != "method":
            fail(zh=f"attr_or(t, 'hello', 'nothing') 应该返回 t 的方法 hello，实际返回了 {show(method)}",
                 en=f"attr_or(t, 'hello', 'nothing') should return t's method hello, but it returned {show(method)}")
        expect(call(method).as_("attr_or(t, 'hello', 'nothing')()").result(), "hi",
               call="attr_or(t, 'hello', 'nothing')()")

    @points(1)
    @hint(zh="Lazy().value 是一个读取时抛出 AttributeError 的 property：getattr(obj, name, default) 把它也当作没有这个属性，返回 default。",
          en="Lazy().value is a property that raises AttributeError when read: getattr(obj, name, default) treats that "
             "as a missing attribute too and returns the default.")
    def test_property_raising_attribute_error(self, introspection):
        z = zoo(introspection)
        call(introspection.attr_or, z["lazy"], "value", "later") \
            .as_("attr_or(Lazy(), 'value', 'later')").returns("later")
