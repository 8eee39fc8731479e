# mutant-of: Screen.height
# mistake: copy-paste: the height setter is decorated with @width.setter, so reading height gives the width

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

    @width.setter
    def height(self, value):
        self._height = value

    @property
    def resolution(self):
        return self._width * self._height
