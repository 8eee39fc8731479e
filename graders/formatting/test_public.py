"""Public checks for formatting: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public


@exercise("progress_message")
class TestProgressMessage:
    @public
    @points(2)
    def test_notes_example(self, formatting):
        call(formatting.progress_message, "小明", 17.123).returns("你好，小明，成绩提升了17.1%，继续努力")

    @public
    @points(1)
    def test_rounds_to_one_decimal(self, formatting):
        call(formatting.progress_message, "Bob", 3.14159).returns("你好，Bob，成绩提升了3.1%，继续努力")
        call(formatting.progress_message, "Bob", 9.96).returns("你好，Bob，成绩提升了10.0%，继续努力")

    @public
    @points(1)
    def test_whole_number_keeps_one_decimal(self, formatting):
        # Exact to the character: an int improvement still shows one decimal (.1f, not round()).
        call(formatting.progress_message, "小刚", 5).returns("你好，小刚，成绩提升了5.0%，继续努力")


@exercise("circle_text")
class TestCircleText:
    @public
    @points(2)
    def test_notes_example(self, formatting):
        call(formatting.circle_text, 2.5).returns("半径为2.5的圆的面积为19.62")

    @public
    @points(1)
    def test_int_radius(self, formatting):
        call(formatting.circle_text, 1).returns("半径为1的圆的面积为3.14")

    @public
    @points(1)
    def test_two_decimals_kept(self, formatting):
        # Exact to the character (bold in the statement): .2f keeps trailing zeros, round() drops them.
        call(formatting.circle_text, 20).returns("半径为20的圆的面积为1256.00")


@exercise("hex_color")
class TestHexColor:
    @public
    @points(2)
    def test_orange(self, formatting):
        call(formatting.hex_color, 255, 128, 0).returns("#ff8000")

    @public
    @points(1)
    def test_black_and_white(self, formatting):
        call(formatting.hex_color, 0, 0, 0).returns("#000000")
        call(formatting.hex_color, 255, 255, 255).returns("#ffffff")

    @public
    @points(1)
    def test_too_big(self, formatting):
        call(formatting.hex_color, 256, 0, 0).raises(ValueError)
