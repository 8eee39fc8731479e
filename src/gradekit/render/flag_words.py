"""Integrity flags said in words a student understands, in Chinese and English.

A flag token (``protected-changed:.github/workflows/classroom.yml``) is written
for the instructor and for machines; a student reading it in their report
needs to know what it means and that it is no accusation and no penalty.
So each known flag has a sentence here, split around its argument (a path
the student's repository chose, or a count), so each renderer can show the
argument escaped for its own format (a Markdown code span, an HTML
``<code>``) and the fixed words as they are.  An unknown flag (one a newer
gradekit adds) still gets a sentence, with the raw token as its argument.
"""

from __future__ import annotations

from dataclasses import dataclass

#: flag name -> {lang: sentence}; ``{arg}`` is where the flag's argument goes (its path or count).
WORDS: dict[str, dict[str, str]] = {
    "protected-changed": {
        "zh": "你修改了 {arg}，这是模板保护的文件（评分以原始版本为准）",
        "en": "you changed {arg}, which the template protects (grading uses the original)",
    },
    "protected-added": {
        "zh": "你添加了 {arg}，它位于模板保护的位置",
        "en": "you added {arg}, in a place the template protects",
    },
    "protected-removed": {
        "zh": "你删除了 {arg}，这是模板保护的文件",
        "en": "you removed {arg}, which the template protects",
    },
    "missing-file": {
        "zh": "找不到 {arg}：这个文件被删除或改名了吗？评分只读取原来的文件名",
        "en": "{arg} is missing: was it removed or renamed? Grading only reads the original name",
    },
    "shadows-module": {
        "zh": "{arg} 与 Python 或评分工具自带的模块同名，可能让导入得到你的文件而不是原来的模块；请改个名字",
        "en": "{arg} has the name of a module Python or the grader relies on, so importing it may get your file "
              "instead; rename it",
    },
    "pytest-config": {
        "zh": "{arg} 是 pytest 的配置文件；评分时不会使用它，请把它删掉",
        "en": "{arg} is pytest configuration; grading ignores it, so remove it",
    },
    "bytecode": {
        "zh": "{arg} 是编译后的字节码（.pyc），不应提交；评分只读取 .py 源文件",
        "en": "{arg} is compiled bytecode (.pyc), which should not be committed; grading reads .py sources only",
    },
    "coding-cookie": {
        "zh": "{arg} 声明了 UTF-8 以外的编码；请把它存成 UTF-8，并删掉编码声明那一行",
        "en": "{arg} declares an encoding other than UTF-8; save it as UTF-8 and remove the coding line",
    },
    "skipped-symlink": {
        "zh": "{arg} 是符号链接，评分时没有读取它；请提交真正的文件",
        "en": "{arg} is a symbolic link, which grading does not read; commit the real file instead",
    },
    "skipped-unsafe-path": {
        "zh": "有 {arg} 个文件的路径无法安全使用（例如含有 .. 或特殊字符），评分时没有读取它们",
        "en": "{arg} files have paths that cannot be used safely (such as .. or special characters) and were "
              "not read",
    },
    "commits-after-deadline": {
        "zh": "截止时间之后还有提交；评分的是截止前的最后一次提交",
        "en": "there are commits after the deadline; the last commit before it is the one graded",
    },
    "commit-dated-in-future": {
        "zh": "有提交的日期在未来（电脑时钟不对？）",
        "en": "a commit is dated in the future (is a computer's clock wrong?)",
    },
    "commit-dates-out-of-order": {
        "zh": "提交的日期顺序不对：较新的提交日期早于它之前的提交（电脑时钟不对，或者历史被改写过？）",
        "en": "commit dates are out of order: a newer commit is dated before an older one (a wrong clock, or "
              "rewritten history?)",
    },
    "commit-dated-before-template": {
        "zh": "评分的提交日期早于模板发布的时间（电脑时钟不对，或者历史被改写过？）",
        "en": "the commit graded is dated before the template was released (a wrong clock, or rewritten history?)",
    },
    "history-without-template": {
        "zh": "你的提交历史里没有模板的提交：仓库不是从模板开始的，或者历史被改写过",
        "en": "your history holds none of the template's commits: the repository did not start from the template, "
              "or its history was rewritten",
    },
    "not-a-git-repository": {
        "zh": "提交的不是 git 仓库，所以没有记录评分的是哪一次提交",
        "en": "the submission is not a git repository, so no commit is recorded for it",
    },
    "changed-during-grading": {
        "zh": "评分期间你的文件被改动了（可能是你的代码留下的进程）；分数以原始文件为准",
        "en": "your files changed while they were being graded (perhaps a process your code left behind); the "
              "score is for the files as committed",
    },
    "no-student-commits": {
        "zh": "仓库里只有模板自己的提交：还没有你的提交",
        "en": "the repository holds only the template's own commits: none of yours yet",
    },
}
UNKNOWN = {"zh": "标记 {arg}", "en": "flag {arg}"}


@dataclass(frozen=True)
class FlagWords:
    """One flag as a sentence: ``before`` + ``arg`` (student text: escape it) + ``after``."""

    token: str
    before: str
    arg: str
    after: str

    def plain(self) -> str:
        return f"{self.before}{self.arg}{self.after}"


def explain(flag: str, lang: str) -> FlagWords:
    name, sep, arg = str(flag).partition(":")
    words = WORDS.get(name)
    if words is None:
        words, arg = UNKNOWN, str(flag)
    elif not sep:
        arg = ""
    sentence = words.get(lang, words["en"])
    before, _, after = sentence.partition("{arg}")
    return FlagWords(str(flag), before, arg, after)
