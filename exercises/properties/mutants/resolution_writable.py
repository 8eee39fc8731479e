# mutant-of: Screen.resolution
# mistake: adds a setter, so resolution can be assigned instead of being read-only

class Screen:
    @property
    def width(self):
        return self._width

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

    @resolution.setter
    def resolution(self, value):
        self._resolution = value
