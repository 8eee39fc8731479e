"""What the public and the hidden checks of file_io share (released with the public graders: nothing secret)."""

from gradekit.grader import expect, fail, helper, sandbox_source


FILES = sandbox_source(__file__, "_sandbox_files")


def files(topic):
    return helper(topic, FILES, "Files")


def written(topic, path, expected, after):
    """The bytes in ``path`` must be ``expected`` (``after`` says what wrote them)."""
    data = files(topic).read_bytes(path)
    if data is None:
        fail(zh=f"{after} 之后，文件 {path!r} 不存在：要用 open({path!r}, 'w', encoding=...) 创建并写入它。",
             en=f"after {after} there is no file {path!r}: create and write it with open({path!r}, 'w', encoding=...).")
    expect(data, expected, call=f"{after}; open({path!r}, 'rb').read()")
