"""文件读写、StringIO 和 BytesIO / Files, StringIO and BytesIO -- see exercises/file_io/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

from io import BytesIO, StringIO


def write_text(path, text, encoding='utf-8'):
    """用 encoding 编码把 text 写进文件 path（覆盖原有内容），返回写入的字符数。

    Write text to the file at path with the given encoding (replacing what was there)
    and return the number of characters written.
    """
    raise NotImplementedError


def count_lines(path, encoding='utf-8'):
    """返回文本文件 path 有几行（用 encoding 解码；最后一行没有换行符也算；空文件是 0）。

    Return how many lines the text file at path has (decoded with encoding; a last line
    without a newline counts; an empty file has 0).
    """
    raise NotImplementedError


def tail(path, n):
    """返回 UTF-8 文件 path 的最后 n 行组成的列表，每行去掉结尾的换行符（其他字符保留）。

    n == 0 返回 []；n 比行数大时返回全部行；n < 0 抛出 ValueError。

    Return a list of the last n lines of the UTF-8 file at path, each without its
    trailing newline (every other character kept). n == 0 gives []; n larger than the
    number of lines gives all lines; n < 0 raises ValueError.
    """
    raise NotImplementedError


def stringio_lines(text):
    """把 text 放进一个 StringIO，用 readline() 逐行读回来，返回 strip() 之后的各行。

    Put text into a StringIO, read it back line by line with readline() and return
    the lines, each strip()-ped.
    """
    raise NotImplementedError


def utf8_bytes(text):
    """把 text 的 UTF-8 编码写进一个 BytesIO，再取出全部内容（bytes）返回。

    Write the UTF-8 encoding of text into a BytesIO and return its whole content (bytes).
    """
    raise NotImplementedError
