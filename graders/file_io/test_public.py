"""Public checks for file_io: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, grader_module, points, public

_shared = grader_module(__file__, "_shared")
FILES, files, written = _shared.FILES, _shared.files, _shared.written

# Runs in the sandbox child, next to the student's code: prepares input files
# and reads back what the student wrote, in the check's own working directory.


@exercise("write_text")
class TestWriteText:
    @public
    @points(1)
    def test_hello(self, file_io):
        call(file_io.write_text, "hello.txt", "Hello, world!").returns(13)
        written(file_io, "hello.txt", b"Hello, world!", "write_text('hello.txt', 'Hello, world!')")

    @public
    @points(1)
    def test_chinese_counts_characters(self, file_io):
        text = "你好，世界"
        call(file_io.write_text, "zh.txt", text).returns(5)
        written(file_io, "zh.txt", text.encode("utf-8"), "write_text('zh.txt', '你好，世界')")

    @public
    @points(1)
    def test_overwrites_in_the_given_encoding(self, file_io):
        # Bold in the statement: 'w' empties the file first, and text files need their encoding.
        call(file_io.write_text, "over.txt", "abcdef").result()
        call(file_io.write_text, "over.txt", "xy").returns(2)
        written(file_io, "over.txt", b"xy", "write_text('over.txt', 'abcdef'); write_text('over.txt', 'xy')")
        call(file_io.write_text, "gb.txt", "汉字", "gbk").returns(2)
        written(file_io, "gb.txt", "汉字".encode("gbk"), "write_text('gb.txt', '汉字', 'gbk')")


@exercise("count_lines")
class TestCountLines:
    @public
    @points(1)
    def test_three_lines(self, file_io):
        files(file_io).make("abc.txt", "a\nb\nc\n")
        call(file_io.count_lines, "abc.txt").as_("count_lines('abc.txt')  # 'a\\nb\\nc\\n'").returns(3)

    @public
    @points(1)
    def test_gbk_file(self, file_io):
        files(file_io).make("gbk.txt", "第一行\n第二行\n", "gbk")
        call(file_io.count_lines, "gbk.txt", encoding="gbk").returns(2)


@exercise("tail")
class TestTail:
    @public
    @points(1)
    def test_last_two(self, file_io):
        files(file_io).make("log.txt", "".join(f"line {i}\n" for i in range(1, 6)))
        call(file_io.tail, "log.txt", 2).as_("tail('log.txt', 2)  # 'line 1\\nline 2\\nline 3\\nline 4\\nline 5\\n'").returns(["line 4", "line 5"])

    @public
    @points(1)
    def test_more_than_the_file(self, file_io):
        files(file_io).make("short.txt", "first\nsecond\n")
        call(file_io.tail, "short.txt", 10).as_("tail('short.txt', 10)  # 'first\\nsecond\\n'").returns(["first", "second"])

    @public
    @points(1)
    def test_only_the_newline_goes(self, file_io):
        # Bold in the statement: only the line's newline is removed, its spaces stay.
        files(file_io).make("pad.txt", "  x \ny\n")
        call(file_io.tail, "pad.txt", 2).as_("tail('pad.txt', 2)  # '  x \\ny\\n'").returns(["  x ", "y"])


@exercise("stringio_lines")
class TestStringioLines:
    @public
    @points(2)
    def test_notes_example(self, file_io):
        call(file_io.stringio_lines, "Hello!\nHi!\nGoodbye!").returns(["Hello!", "Hi!", "Goodbye!"])

    @public
    @points(1)
    def test_empty(self, file_io):
        call(file_io.stringio_lines, "").returns([])

    @public
    @points(1)
    def test_blank_line_is_not_the_end(self, file_io):
        # Bold in the statement: a blank line inside reads as '\n', it is not the end.
        call(file_io.stringio_lines, "p\n\nq").returns(["p", "", "q"])


@exercise("utf8_bytes")
class TestUtf8Bytes:
    @public
    @points(2)
    def test_notes_example(self, file_io):
        call(file_io.utf8_bytes, "中文").returns(b"\xe4\xb8\xad\xe6\x96\x87")

    @public
    @points(1)
    def test_ascii(self, file_io):
        call(file_io.utf8_bytes, "ABC").returns(b"ABC")
