# mutant-of: Screen.width
# mistake: the setter stores the width on the class (Screen._width), so all screens share one width

class Screen:
    @property
    def width(self):
        return self._width

    @width.setter
    def width(self, value):
        Screen._width = value

    @property
    def height(self):
        return self._height

    @height.setter
    def height(self, value):
        self._height = value

    @property
    def resolution(self):
        return self._width * self._height
