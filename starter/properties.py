"""使用 @property / Using @property -- see exercises/properties/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.

Student() 和 Screen() 都不接受参数；属性在创建对象之后再赋值。
Student() and Screen() take no arguments; properties are assigned after creating the object.
"""

CURRENT_YEAR = 2025


class Student:
    """学生：score（带检查）、birth（可读写）、age（只读）。

    A student: score (checked), birth (read/write), age (read-only).
    """

    @property
    def score(self):
        """返回成绩。

        Return the score.
        """
        raise NotImplementedError

    @score.setter
    def score(self, value):
        """设置成绩：不是 int 时抛出 ValueError('score must be an integer!')，
        不在 0 ~ 100（含 0 和 100）时抛出 ValueError('score must between 0 ~ 100!')。

        Set the score: raise ValueError('score must be an integer!') unless value is an int,
        and ValueError('score must between 0 ~ 100!') unless 0 <= value <= 100.
        """
        raise NotImplementedError

    @property
    def birth(self):
        """返回出生年份。

        Return the year of birth.
        """
        raise NotImplementedError

    @birth.setter
    def birth(self, value):
        """设置出生年份。

        Set the year of birth.
        """
        raise NotImplementedError

    @property
    def age(self):
        """只读：返回 CURRENT_YEAR - 出生年份（不要给 age 写 setter）。

        Read-only: return CURRENT_YEAR - birth (do not give age a setter).
        """
        raise NotImplementedError


class Screen:
    """屏幕：width、height（可读写）、resolution（只读）。

    A screen: width and height (read/write), resolution (read-only).
    """

    @property
    def width(self):
        """返回宽度。

        Return the width.
        """
        raise NotImplementedError

    @width.setter
    def width(self, value):
        """设置宽度。

        Set the width.
        """
        raise NotImplementedError

    @property
    def height(self):
        """返回高度。

        Return the height.
        """
        raise NotImplementedError

    @height.setter
    def height(self, value):
        """设置高度。

        Set the height.
        """
        raise NotImplementedError

    @property
    def resolution(self):
        """只读：返回 width * height（每次读取时计算）。

        Read-only: return width * height (computed on every read).
        """
        raise NotImplementedError
