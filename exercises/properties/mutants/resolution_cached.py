# mutant-of: Screen.resolution
# mistake: computes the resolution once and keeps it, so it goes stale when width or height changes

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
        if not hasattr(self, '_resolution'):
            self._resolution = self._width * self._height
        return self._resolution
