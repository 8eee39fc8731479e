"""Hidden checks for file_io: encodings, overwriting, last lines without a newline, n == 0,
blank lines, BytesIO positions; random files compared with a reference computed here."""

import io

from gradekit.grader import call, exercise, fail, grader_module, hint, points
from gradekit.grader.structure import mentions, parse, scope

_shared = grader_module(__file__, "_shared")
FILES, files, written = _shared.FILES, _shared.files, _shared.written


ASCII = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789,.!?-"
CHINESE = "中文你好世界学生成绩第一二三行读写文件编码"  # all of these exist in gbk


def random_line(rng, alphabet=ASCII + CHINESE, lo=0, hi=12):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def random_file_text(rng, lines=None):
    """Random lines joined by '\\n'; the last newline is there or not."""
    n = rng.randint(0, 12) if lines is None else lines
    text = "\n".join(random_line(rng) for _ in range(n))
    if n and rng.random() < 0.5:
        text += "\n"
    return text


def short(text):
    return repr(text if len(text) <= 40 else text[:37] + "...")


def uses(student_file, within, name, zh, en):
    tree = parse(student_file)
    node = scope(tree, within) if tree is not None else None
    if node is None or not mentions(node, {name}):
        fail(zh=zh, en=en)


@exercise("write_text")
class TestWriteTextHidden:
    @points(2)
    @hint(zh="把 encoding 参数原样传给 open(path, 'w', encoding=encoding)，不要写死成 'utf-8'。",
          en="Pass the encoding argument on: open(path, 'w', encoding=encoding); do not hard-code 'utf-8'.")
    def test_gbk(self, file_io):
        text = "中文编码：gbk"
        call(file_io.write_text, "gbk.txt", text, "gbk").returns(len(text))
        written(file_io, "gbk.txt", text.encode("gbk"), f"write_text('gbk.txt', {text!r}, 'gbk')")

    @points(1)
    @hint(zh="模式 'w' 会先清空文件再写；'a' 是追加，旧内容还在。",
          en="Mode 'w' empties the file before writing; 'a' appends and the old content stays.")
    def test_overwrites(self, file_io):
        call(file_io.write_text, "notes.txt", "first version\nwith two lines\n").result()
        call(file_io.write_text, "notes.txt", "new").returns(3)
        written(file_io, "notes.txt", b"new", "write_text('notes.txt', 'first version\\nwith two lines\\n'); write_text('notes.txt', 'new')")

    @points(2)
    @hint(zh="返回值是字符数：'中' 是 1 个字符，但在 UTF-8 里占 3 个字节。",
          en="Return the number of characters: '中' is 1 character but 3 bytes in UTF-8.")
    def test_random_texts(self, file_io, rng):
        tools = files(file_io)
        for i in range(6):
            text = random_file_text(rng)
            encoding = rng.choice(["utf-8", "gbk"])
            path = f"out{i}.txt"
            call(file_io.write_text, path, text, encoding=encoding) \
                .as_(f"write_text({path!r}, {short(text)}, encoding={encoding!r})").returns(len(text))
            written(file_io, path, text.encode(encoding), f"write_text({path!r}, {short(text)}, encoding={encoding!r})")


@exercise("count_lines")
class TestCountLinesHidden:
    @points(2)
    @hint(zh="最后一行后面没有 '\\n' 也是一行；空文件 0 行；只有一个 '\\n' 的文件是 1 行（一个空行）。",
          en="A last line with no '\\n' after it is still a line; an empty file has 0 lines; a file holding just '\\n' has 1 (an empty line).")
    def test_edges(self, file_io):
        tools = files(file_io)
        for i, (text, want) in enumerate([("one\ntwo", 2), ("", 0), ("\n", 1), ("\n\n", 2), ("only", 1)]):
            tools.make(f"e{i}.txt", text)
            call(file_io.count_lines, f"e{i}.txt").as_(f"count_lines('e{i}.txt')  # {text!r}").returns(want)

    @points(2)
    @hint(zh="encoding 参数要传给 open()；gbk 文件用 UTF-8 去读会报 UnicodeDecodeError。",
          en="Pass the encoding argument to open(); reading a gbk file as UTF-8 raises UnicodeDecodeError.")
    def test_random_files(self, file_io, rng):
        tools = files(file_io)
        for i in range(6):
            text = random_file_text(rng, lines=rng.randint(1, 12))
            encoding = "gbk" if i % 2 else "utf-8"
            tools.make(f"r{i}.txt", text, encoding)
            want = len(io.StringIO(text).readlines())
            call(file_io.count_lines, f"r{i}.txt", encoding) \
                .as_(f"count_lines('r{i}.txt', {encoding!r})  # {short(text)}").returns(want)


@exercise("tail")
class TestTailHidden:
    @points(1)
    @hint(zh="lines[-0:] 等于 lines[0:]，是全部行；n == 0 时要返回 []。",
          en="lines[-0:] is lines[0:], every line; return [] when n == 0.")
    def test_zero(self, file_io):
        files(file_io).make("three.txt", "a\nb\nc\n")
        call(file_io.tail, "three.txt", 0).as_("tail('three.txt', 0)  # 'a\\nb\\nc\\n'").returns([])

    @points(1)
    @hint(zh="只去掉行尾的换行符：用 line.rstrip('\\n')，不要用 strip()，行首行尾的空格要保留。",
          en="Remove only the newline: line.rstrip('\\n'), not strip(); spaces at either end of a line stay.")
    def test_keeps_spaces(self, file_io):
        files(file_io).make("code.txt", "def f():\n    return 1  \n  # end")
        call(file_io.tail, "code.txt", 2).as_("tail('code.txt', 2)  # 'def f():\\n    return 1  \\n  # end'") \
            .returns(["    return 1  ", "  # end"])

    @points(1)
    def test_negative(self, file_io):
        files(file_io).make("three.txt", "a\nb\nc\n")
        call(file_io.tail, "three.txt", -1).raises(ValueError)

    @points(2)
    def test_random_files(self, file_io, rng):
        tools = files(file_io)
        for i in range(6):
            lines = [rng.choice(["", "  "]) + random_line(rng, lo=1) + rng.choice(["", " "]) for _ in range(rng.randint(1, 10))]
            text = "\n".join(lines) + rng.choice(["", "\n"])
            n = rng.randint(1, len(lines) + 2)
            tools.make(f"t{i}.txt", text)
            call(file_io.tail, f"t{i}.txt", n).as_(f"tail('t{i}.txt', {n})  # {short(text)}").returns(lines[-n:])


@exercise("stringio_lines")
class TestStringioLinesHidden:
    @points(1)
    @hint(zh="空行用 readline() 读出来是 '\\n'，不是 ''：先判断 s == ''，再 strip()。",
          en="readline() returns '\\n' for a blank line, not '': test s == '' first, strip() afterwards.")
    def test_blank_line_inside(self, file_io):
        call(file_io.stringio_lines, "a\n\nb\n").returns(["a", "", "b"])

    @points(1)
    @hint(zh="结尾的 '\\n' 后面没有新的一行：'x\\ny\\n' 只有两行。",
          en="There is no new line after a trailing '\\n': 'x\\ny\\n' has two lines.")
    def test_trailing_newline(self, file_io):
        call(file_io.stringio_lines, "x\ny\n").returns(["x", "y"])

    @points(2)
    def test_random_texts(self, file_io, rng):
        for _ in range(8):
            parts = [rng.choice(["", " ", "\t"]) + random_line(rng) + rng.choice(["", "  "]) for _ in range(rng.randint(1, 8))]
            text = "\n".join(parts) + rng.choice(["", "\n"])
            want = [s.strip() for s in io.StringIO(text).readlines()]
            call(file_io.stringio_lines, text).returns(want)

    @points(1)
    def test_uses_stringio(self, student_file):
        uses(student_file, "stringio_lines", "StringIO",
             zh="stringio_lines 里要用 StringIO：把 text 放进 StringIO(text)，再用 readline() 读。",
             en="stringio_lines must use StringIO: put text into StringIO(text) and read it with readline().")


@exercise("utf8_bytes")
class TestUtf8BytesHidden:
    @points(1)
    @hint(zh="空字符串的编码是 b''；返回的必须是 bytes。",
          en="The empty string encodes to b''; the result must be bytes.")
    def test_empty(self, file_io):
        call(file_io.utf8_bytes, "").returns(b"")

    @points(2)
    @hint(zh="写完后用 getvalue() 取内容；直接 read() 会从末尾读，只得到 b''。",
          en="Take the content with getvalue() after writing; read() starts at the end and gives b''.")
    def test_random_texts(self, file_io, rng):
        alphabet = ASCII + CHINESE + "é€😀\n"
        for _ in range(8):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 15)))
            call(file_io.utf8_bytes, text).returns(text.encode("utf-8"))

    @points(1)
    def test_uses_bytesio(self, student_file):
        uses(student_file, "utf8_bytes", "BytesIO",
             zh="utf8_bytes 里要用 BytesIO：f = BytesIO()，写入编码后的 bytes，再 getvalue()。",
             en="utf8_bytes must use BytesIO: f = BytesIO(), write the encoded bytes, then getvalue().")
