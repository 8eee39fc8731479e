"""Public checks for introspection: the notes' examples, shipped to students.

Objects that are not plain data (functions, classes, generators, instances) are made by a grader
helper, shipped as source so that they live next to your code in the sandbox.
"""

from gradekit.grader import call, exercise, helper, points, public, sandbox_source

ZOO = sandbox_source(__file__, "_sandbox_zoo")


def zoo(topic):
    return call(helper(topic, ZOO, "zoo")).as_("zoo()").result()


@exercise("type_name")
class TestTypeName:
    @public
    @points(2)
    def test_notes_examples(self, introspection):
        call(introspection.type_name, 123).returns("int")
        call(introspection.type_name, "str").returns("str")
        call(introspection.type_name, None).returns("NoneType")

    @public
    @points(1)
    def test_objects(self, introspection):
        z = zoo(introspection)
        call(introspection.type_name, z["fn"]).as_("type_name(fn)").returns("function")
        call(introspection.type_name, z["dog"]).as_("type_name(Dog('Rex'))").returns("Dog")


@exercise("kind_of")
class TestKindOf:
    @public
    @points(2)
    def test_simple_values(self, introspection):
        call(introspection.kind_of, 123).returns("number")
        call(introspection.kind_of, 3.5).returns("number")
        call(introspection.kind_of, "ABC").returns("string")
        call(introspection.kind_of, [1, 2]).returns("other")

    @public
    @points(1)
    def test_stressed_rules(self, introspection):
        # Bold in the statement: True/False are not numbers; and the boxed correction of the notes:
        # a built-in such as sorted is a function too, though type(sorted) is not types.FunctionType.
        call(introspection.kind_of, True).returns("other")
        z = zoo(introspection)
        call(introspection.kind_of, z["sorted"]).as_("kind_of(sorted)").returns("function")
        # Bold too: a generator function is a function; only calling it gives a generator.
        call(introspection.kind_of, z["ticks"]).as_("kind_of(ticks)  # def ticks(): yield 1").returns("function")

    @public
    @points(2)
    def test_objects(self, introspection):
        z = zoo(introspection)
        call(introspection.kind_of, z["fn"]).as_("kind_of(fn)").returns("function")
        call(introspection.kind_of, z["lambda"]).as_("kind_of(lambda x: x)").returns("function")
        call(introspection.kind_of, z["gen"]).as_("kind_of(x for x in range(10))").returns("generator")
        call(introspection.kind_of, z["Dog"]).as_("kind_of(Dog)").returns("class")


@exercise("public_attrs")
class TestPublicAttrs:
    @public
    @points(2)
    def test_dog(self, introspection):
        z = zoo(introspection)
        call(introspection.public_attrs, z["dog"]).as_("public_attrs(Dog('Rex'))") \
            .returns(["bark", "legs", "name", "run"])


@exercise("attr_or")
class TestAttrOr:
    @public
    @points(2)
    def test_present_and_missing(self, introspection):
        dog = zoo(introspection)["dog"]
        call(introspection.attr_or, dog, "name", None).as_("attr_or(dog, 'name', None)").returns("Rex")
        call(introspection.attr_or, dog, "legs", -1).as_("attr_or(dog, 'legs', -1)").returns(4)
        call(introspection.attr_or, dog, "age", 404).as_("attr_or(dog, 'age', 404)").returns(404)

    @public
    @points(1)
    def test_falsy_value_is_returned(self, introspection):
        # Bold in the statement: a value of 0 or False is still the attribute's value, not "missing".
        box = zoo(introspection)["box"]
        call(introspection.attr_or, box, "zero", 99).as_("attr_or(box, 'zero', 99)  # box.zero = 0").returns(0)
        call(introspection.attr_or, box, "flag", "no").as_("attr_or(box, 'flag', 'no')  # box.flag = False").returns(False)
