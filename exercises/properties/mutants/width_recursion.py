# mutant-of: Screen.width
# mistake: the getter returns self.width instead of self._width (infinite recursion)

class Screen:
    @property
    def width(self):
        return self.width

    @width.setter
    def width(self, value):
        self._width = value

    @property
    def height(self):
        return self._height

    @height.setter
    def height(self, value):
        self._height = value

    @property
    def resolution(self):
        return self._width * self._height
