"""Every sentence a student reads, in Chinese and English.

Messages are catalogue entries keyed by name, so a new language is one more
column, not a hunt through the code.  Failure details (from
``gradekit.grader.CheckFailure`` and ``grading.outcomes.classify``) are worded
with these sentences by ``messages.failures``, and nowhere else.  ``pick_lang``
decides the language: ``--lang`` wins, then the locale.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # failure kinds -------------------------------------------------------------
    "returned": {
        "zh": "调用 {call}\n期望返回：{expected}\n实际返回：{actual}",
        "en": "called {call}\nexpected: {expected}\ngot:      {actual}",
    },
    "returned_none": {
        "zh": "调用 {call}\n期望返回：{expected}\n实际返回：None（是不是用了 print 而没有 return？）",
        "en": "called {call}\nexpected: {expected}\ngot:      None (did you print instead of return?)",
    },
    "type_differs": {
        "zh": "（类型不同：期望 {expected_type}，得到 {actual_type}）",
        "en": "(types differ: expected {expected_type}, got {actual_type})",
    },
    "raised": {
        "zh": "调用 {call} 时出错：{exc_type}: {exc_message}{at}",
        "en": "calling {call} raised {exc_type}: {exc_message}{at}",
    },
    "todo": {
        "zh": "{call}：还没有完成（仍然只会抛出 NotImplementedError）",
        "en": "{call}: not done yet (it still raises NotImplementedError)",
    },
    "no_raise": {
        "zh": "调用 {call} 应该抛出 {expected}，但它返回了 {actual}",
        "en": "calling {call} should raise {expected}, but it returned {actual}",
    },
    "wrong_exception": {
        "zh": "调用 {call} 应该抛出 {expected}，实际抛出了 {exc_type}: {exc_message}{at}",
        "en": "calling {call} should raise {expected}, but it raised {exc_type}: {exc_message}{at}",
    },
    "wrong_message": {
        "zh": "调用 {call} 抛出了 {exc_type}，但消息不对\n期望消息：{expected}\n实际消息：{actual}",
        "en": "calling {call} raised {exc_type} with the wrong message\nexpected: {expected}\ngot:      {actual}",
    },
    "printed": {
        "zh": "调用 {call}\n期望打印：{expected}\n实际打印：{actual}",
        "en": "called {call}\nexpected output: {expected}\nactual output:   {actual}",
    },
    "structure": {
        "zh": "{file}：{zh}",
        "en": "{file}: {en}",
    },
    "custom": {"zh": "{zh}", "en": "{en}"},
    "timeout": {
        "zh": "{call} 运行超过 {seconds} 秒被停止了（是不是有死循环？）",
        "en": "{call} was stopped after {seconds} s (an infinite loop?)",
    },
    # -- issue 14: engine ------------------------------------------------------------
    "differs_at": {
        "zh": "从第 {n} 个字符开始不同：期望 {want}，实际 {got}",
        "en": "they differ from character {n}: expected {want}, got {got}",
    },
    "string_ended": {"zh": "（字符串已经结束）", "en": "(the end of the text)"},
    "timeout_at": {
        "zh": "{call} 运行超过 {seconds} 秒被停止了，停下时正在执行 {file} 第 {line} 行{in_function}：是不是有死循环？",
        "en": "{call} was stopped after {seconds} s, while running {file}, line {line}{in_function}: an infinite loop?",
    },
    "timeout_import_at": {
        "zh": "导入你的文件时运行超过 {seconds} 秒被停止了，停下时正在执行 {file} 第 {line} 行{in_function}："
              "顶层代码里有死循环或 input()？",
        "en": "importing your file was stopped after {seconds} s, while running {file}, line {line}{in_function}: "
              "an infinite loop or input() at the top level?",
    },
    "in_function": {"zh": "（函数 {function}）", "en": " (in {function})"},
    "timeout_stack": {"zh": "停下时的调用，最里面的在最后：", "en": "the calls it was in, innermost last:"},
    "stack_frame": {"zh": "  {file} 第 {line} 行，函数 {function}", "en": "  {file}, line {line}, in {function}"},
    "stack_top": {"zh": "  {file} 第 {line} 行，文件顶层", "en": "  {file}, line {line}, at the top level"},
    "printed_instead": {
        "zh": "{file} 第 {line} 行调用了 print：print 只是把结果显示出来，函数要用 return 把它交回给调用者",
        "en": "{file}, line {line} calls print: print only shows the result, a function gives it back with return",
    },
    "todo_empty": {
        "zh": "{call}：还没有完成（{file} 第 {line} 行还是题目给的空壳）",
        "en": "{call}: not done yet ({file}, line {line} is still the empty stub)",
    },
    # -- end issue 14: engine --------------------------------------------------------
    "timeout_import": {
        "zh": "导入你的文件时运行超过 {seconds} 秒被停止了（顶层代码里有死循环或 input()？）",
        "en": "importing your file was stopped after {seconds} s (an infinite loop or input() at the top level?)",
    },
    "crashed": {
        "zh": "你的程序在运行 {call} 时退出了（退出码 {returncode}）",
        "en": "your program exited while running {call} (exit code {returncode})",
    },
    "crashed_import": {
        "zh": "你的程序在被导入时退出了（退出码 {returncode}）。不要在文件顶层调用 exit() 或 os._exit()",
        "en": "your program exited while being imported (exit code {returncode}); do not call exit() or os._exit() at the top level",
    },
    "stale": {
        "zh": "{call}：这个对象来自一次被停止的运行（前面的调用超时或退出了）",
        "en": "{call}: this object came from a run that was stopped (an earlier call timed out or exited)",
    },
    "protocol": {
        "zh": "{call}：你的程序送回了无法识别的数据（{reason}）",
        "en": "{call}: your program sent back data the grader cannot accept ({reason})",
    },
    "syntax": {
        "zh": "{file} 第 {line} 行有语法错误：{exc_message}{caret}",
        "en": "{file} line {line}: syntax error: {exc_message}{caret}",
    },
    "import_raised": {
        "zh": "导入 {file} 时出错：{exc_type}: {exc_message}{at}",
        "en": "importing {file} raised {exc_type}: {exc_message}{at}",
    },
    "no_file": {
        "zh": "找不到这个主题的文件（是不是被删除或改名了？用 grade reset 可以恢复）",
        "en": "this topic's file is missing (deleted or renamed? grade reset restores it)",
    },
    "no_file_topic": {
        "zh": "找不到 {topic}.py（是不是被删除或改名了？运行 grade reset {topic} 可以把原来的文件找回来）",
        "en": "{topic}.py is missing (deleted or renamed? run grade reset {topic} to bring back the original file)",
    },
    "missing": {
        "zh": "在你的文件里找不到 {call}（名字写对了吗？）",
        "en": "{call} is not defined in your file (is the name spelled right?)",
    },
    "assert": {"zh": "检查没有通过：{text}", "en": "check failed: {text}"},
    "skipped": {"zh": "跳过：{reason}", "en": "skipped: {reason}"},
    "grader_killed": {
        "zh": "你的代码让评分进程停止了（例如向它发送了信号），这个主题记 0 分",
        "en": "your code stopped the grading process (for example by signalling it); this topic scores 0",
    },
    # process containment (issue 12) ------------------------------------------------
    "submission_changed": {
        "zh": "你的文件在导出之后被改动过（不是你提交的版本），这次没有评分；老师会重新导出并评分（不是你的错）",
        "en": "your files changed after they were exported (they are not what you submitted), so they were not "
              "graded this time; your teacher exports and grades them again (not your fault)",
    },
    "grader_error": {
        "zh": "评分程序自身出错（不是你的错，请告诉老师）：{exc_type}: {exc_message}",
        "en": "the grader itself failed (not your fault, tell your teacher): {exc_type}: {exc_message}",
    },
    "not_reported": {
        "zh": "这一项检查没有产生结果（评分进程中途停止），记 0 分",
        "en": "this check produced no result (the grading process stopped), scored 0",
    },
    "hidden_failed": {
        "zh": "隐藏检查未通过（练习 {exercise}）：{short}",
        "en": "a hidden check failed (exercise {exercise}): {short}",
    },
    "at": {"zh": "（{file} 第 {line} 行）", "en": " ({file}, line {line})"},
    # report ---------------------------------------------------------------------
    "title": {"zh": "gradekit 评分报告", "en": "gradekit report"},
    "col_topic": {"zh": "主题", "en": "topic"},
    "col_score": {"zh": "得分", "en": "score"},
    "col_checks": {"zh": "检查", "en": "checks"},
    "total": {"zh": "总分 {score}/{max_score}", "en": "total {score}/{max_score}"},
    "public_line": {
        "zh": "公开检查 {passed}/{total} 通过 · 另有 {hidden} 项隐藏检查将在最终评分时运行（{hidden_points} 分，计入最终成绩）",
        "en": "public checks {passed}/{total} passed · {hidden} hidden checks run at grading "
              "({hidden_points} points; the final grade includes them)",
    },
    "all_line": {"zh": "检查 {passed}/{total} 通过", "en": "checks {passed}/{total} passed"},
    "failures": {"zh": "需要修改的地方", "en": "what to fix"},
    "more_failures": {"zh": "……还有 {n} 项未通过（用 --all 查看全部）", "en": "... and {n} more failing (see all with --all)"},
    "hint": {"zh": "提示", "en": "hint"},
    "printed_label": {"zh": "你的程序打印了", "en": "your program printed"},
    "all_passed": {"zh": "全部通过！", "en": "all checks passed!"},
    "topic_error": {"zh": "无法评分", "en": "could not be graded"},
    "seed": {"zh": "随机种子", "en": "seed"},
    # what beginners hit (chosen by word_failure from the exception and the child's facts) ----------
    "did_you_mean": {"zh": "你是不是想写 {suggestion}？", "en": "did you mean {suggestion}?"},
    "name_unknown": {
        "zh": "Python 不认识这个名字：检查拼写和大小写，并且先定义（赋值、def 或 import）再使用",
        "en": "Python does not know this name: check spelling and capitals, and define it (assign, def or import) before use",
    },
    "arity_call": {
        "zh": "调用 {call}\n但你的定义是 {signature}（{def_file} 第 {def_line} 行），所以 Python 报错：{exc_message}\n"
              "上面的调用就是题目要求的用法：对照题目检查参数的个数、名字和默认值",
        "en": "called {call}\nbut your definition is {signature} ({def_file}, line {def_line}), so Python says: {exc_message}\n"
              "the call above is how the exercise uses it: compare the parameters (how many, names, defaults) with the statement",
    },
    "arity_inside": {
        "zh": "调用 {call} 时出错{at}：{exc_message}\n{signature} 定义在 {def_file} 第 {def_line} 行：调用它时参数要和定义对得上",
        "en": "calling {call} raised TypeError{at}: {exc_message}\n{signature} is defined in {def_file}, line {def_line}: "
              "call it with the arguments it takes",
    },
    "recursion": {
        "zh": "调用 {call} 停不下来{at}：函数一直在调用自己（RecursionError）。\n"
              "要有一个不再调用自己、直接 return 的情况，并且每次调用都要离它更近一步",
        "en": "calling {call} never stopped{at}: the function keeps calling itself (RecursionError).\n"
              "make sure one case returns without calling itself, and every call gets one step closer to it",
    },
    "generator_stop": {
        "zh": "调用 {call} 时，StopIteration 从你的生成器里跑了出来{at}，Python 把它变成了 "
              "RuntimeError: generator raised StopIteration。\n在生成器里用 return 结束；在里面调用 next() 时要捕获 StopIteration",
        "en": "calling {call}: a StopIteration escaped from your generator{at}, and Python turned it into "
              "RuntimeError: generator raised StopIteration.\nend a generator with return; catch StopIteration around next() inside it",
    },
    "input_at_import": {
        "zh": "导入 {file} 时停在了 input(){at}：评分程序导入你的文件时没有人输入。\n"
              "把 input() 放进函数里，或者放到 if __name__ == '__main__': 下面",
        "en": "importing {file} stopped at input(){at}: the grader imports your file and nobody types anything.\n"
              "move input() into a function, or under if __name__ == '__main__':",
    },
    "input_in_call": {
        "zh": "调用 {call} 时执行了 input(){at}，但没有人输入。这道题的数据从参数传进来：用参数，不要用 input()",
        "en": "calling {call} ran input(){at}, but nobody types anything: this exercise passes its data as arguments, "
              "so use the parameters instead of input()",
    },
    "exit_at_import": {
        "zh": "导入 {file} 时你的文件在顶层调用了 exit() 或 sys.exit(){at}，程序在评分之前就结束了。\n"
              "删掉它，或者放到 if __name__ == '__main__': 下面",
        "en": "importing {file}: your file calls exit() or sys.exit() at the top level{at}, which ends the program "
              "before it can be graded.\nremove it, or move it under if __name__ == '__main__':",
    },
    "exit_in_call": {
        "zh": "调用 {call} 时执行了 exit() 或 sys.exit(){at}：函数应该用 return 交回结果，而不是结束整个程序",
        "en": "calling {call} ran exit() or sys.exit(){at}: a function should return its result, not end the whole program",
    },
    "indent_help": {
        "zh": "同一个代码块里的每一行要从同一列开始：每一层缩进用 4 个空格，不要混用 Tab",
        "en": "every line of one block must start at the same column: indent each level by 4 spaces and never mix in tabs",
    },
    "fullwidth_help": {
        "zh": "这像是中文标点（全角字符）：写代码时把输入法切换到英文",
        "en": "this looks like a Chinese (full-width) punctuation mark: switch your input method to English for code",
    },
    "shadowed": {
        "zh": "注意：Python 导入了你的 {shadowed}，而不是同名的标准库模块；请给它改个名字（比如 my_{first}）",
        "en": "note: Python imported your {shadowed} instead of the standard module of that name; rename it (e.g. my_{first})",
    },
    "shadow_warning": {
        "zh": "注意：你的文件夹里的 {files} 和标准库模块同名，Python 会导入你的文件而不是真正的模块，"
              "用到它的代码会出错。请改个名字（比如 my_{first}）",
        "en": "warning: {files} in your folder has the name of a standard module; Python imports your file instead of "
              "the real one, which breaks code that uses it. Rename it (e.g. my_{first})",
    },
    # watch mode, grade list / hint / reset / next ------------------------------------------------
    "w_title": {"zh": "gradekit · 边写边查", "en": "gradekit · watch mode"},
    "w_starting": {"zh": "正在检查所有练习……", "en": "checking every exercise..."},
    "w_checking": {"zh": "正在检查……", "en": "checking..."},
    "w_checked": {"zh": "{time} 检查（第 {runs} 次）", "en": "checked at {time} (run {runs})"},
    "w_progress": {"zh": "已完成 {done}/{total} 个练习", "en": "{done}/{total} exercises done"},
    "w_file": {"zh": "你的文件：{file} · 题目：{statement}", "en": "your file: {file} · statement: {statement}"},
    "w_passed": {
        "zh": "✓ {exercise} 通过了全部 {n} 项检查！按 n 进入下一个练习（也可以继续改进它）。",
        "en": "✓ {exercise} passes all {n} checks! Press n for the next exercise (or keep polishing it).",
    },
    "w_checks": {"zh": "{exercise}：{passed}/{total} 项检查通过", "en": "{exercise}: {passed}/{total} checks pass"},
    "w_no_checks": {"zh": "这个练习在这里没有可运行的检查。", "en": "this exercise has no checks to run here."},
    "w_all_done": {
        "zh": "🎉 全部 {total} 个练习都通过了！按 c 再全部检查一遍，按 q 退出。",
        "en": "🎉 all {total} exercises pass! Press c to check everything again, q to quit.",
    },
    "w_hidden": {
        "zh": "这里只运行公开检查 · 另有 {hidden} 项隐藏检查（{hidden_points} 分）将在老师评分时运行，最终成绩包含它们",
        "en": "only public checks run here · {hidden} hidden checks ({hidden_points} points) run when your teacher "
              "grades; the final grade includes them",
    },
    "w_save": {"zh": "保存 {file} 就会重新检查。", "en": "save {file} to check it again."},
    "w_confirm_reset": {
        "zh": "把 {file} 里的 {exercise} 恢复成最初的样子？你为它写的代码会丢失。按 y 确认，其他键取消",
        "en": "reset {exercise} in {file} to the original stub? Your code for it will be lost. y to confirm, any other key cancels",
    },
    "w_reset_cancelled": {"zh": "没有重置。", "en": "nothing was reset."},
    "w_reset_done": {"zh": "{file} 里的 {exercise} 已恢复成最初的样子。", "en": "{exercise} in {file} is back to the original stub."},
    "w_not_done": {"zh": "{exercise} 还没有完成，而且没有别的未完成练习了。", "en": "{exercise} is not done yet, and no other exercise is left."},
    "w_skipped": {
        "zh": "先跳过了 {exercise}（它还没有完成，会留在列表里）。",
        "en": "skipped {exercise} for now (it is not done yet and stays in the list).",
    },
    "w_error": {"zh": "无法评分：{error}", "en": "could not grade: {error}"},
    "w_watch_failed": {"zh": "无法继续监视文件（{error}）：按 c 手动检查", "en": "cannot watch the files any more ({error}): press c to check"},
    "w_needs_terminal": {
        "zh": "边写边查模式需要在终端里运行；在脚本或 CI 里请用 grade check",
        "en": "watch mode needs a terminal; in scripts and CI use grade check",
    },
    "w_bye": {"zh": "进度已保存在 {file}。下次运行 grade 会从这里继续。", "en": "progress saved in {file}; run grade again to pick up here."},
    "col_exercise": {"zh": "练习", "en": "exercise"},
    "col_title": {"zh": "内容", "en": "what"},
    "col_status": {"zh": "状态", "en": "status"},
    "col_points": {"zh": "得分", "en": "points"},
    "col_hints": {"zh": "提示", "en": "hints"},
    "status_done": {"zh": "完成", "en": "done"},
    "status_todo": {"zh": "未开始", "en": "not started"},
    "status_failing": {"zh": "未通过", "en": "failing"},
    "status_unknown": {"zh": "未检查", "en": "not checked"},
    "hint_line": {"zh": "提示 {i}/{n}：{text}", "en": "hint {i}/{n}: {text}"},
    "hint_for": {"zh": "{exercise}（{title}）", "en": "{exercise} ({title})"},
    "hint_more": {"zh": "还有 {left} 条提示：再运行一次 grade hint 查看下一条。", "en": "hints left: {left} (run grade hint again for the next one)"},
    "hint_no_more": {
        "zh": "提示已经全部显示了。题目里有完整的例子：{statement}",
        "en": "that was the last hint. The statement has a worked example: {statement}",
    },
    "ambiguous_exercise": {
        "zh": "有好几个练习叫 {name}：请写成 主题/练习，比如 {options}",
        "en": "several exercises are called {name}: write topic/exercise, one of {options}",
    },
    "unknown_exercise": {
        "zh": "没有叫 {name} 的练习或主题：你是不是想写 {near}？",
        "en": "no exercise or topic is called {name}: did you mean {near}?",
    },
    "reset_confirm": {
        "zh": "把 {what} 恢复成最初的样子？你在里面写的代码会丢失。[y/N] ",
        "en": "reset {what} to the original stub? Your code in it will be lost. [y/N] ",
    },
    "reset_what_topic": {"zh": "整个 {file}", "en": "all of {file}"},
    "reset_what_exercise": {"zh": "{file} 里的 {exercise}", "en": "{exercise} in {file}"},
    "reset_aborted": {"zh": "没有重置。", "en": "nothing was reset."},
    "reset_done": {"zh": "已恢复：{what}", "en": "reset: {what}"},
    "reset_no_stub": {
        "zh": "找不到 {file} 最初的样子：这个文件夹没有 git 历史。请从老师发布的模板里重新下载它",
        "en": "cannot find the original {file}: this folder has no git history of it. Download it again from your template",
    },
    "reset_cannot_parse": {
        "zh": "{file} 现在有语法错误，没法只恢复一个练习；可以用 grade reset {topic} 恢复整个文件",
        "en": "{file} has a syntax error now, so one exercise cannot be picked out; grade reset {topic} resets the whole file",
    },
    "reset_not_found": {
        "zh": "在最初的 {file} 里找不到 {name} 的定义；可以用 grade reset {topic} 恢复整个文件",
        "en": "the original {file} has no definition of {name} to restore; grade reset {topic} resets the whole file",
    },
    "next_current": {"zh": "下一个练习：{exercise} · {title}", "en": "next exercise: {exercise} · {title}"},
    "next_where": {"zh": "题目：{statement} · 你的文件：{file}", "en": "statement: {statement} · your file: {file}"},
    "next_todo": {
        "zh": "写好后运行 grade 检查（在终端里会边写边查），需要时运行 grade hint。",
        "en": "run grade to check it (in a terminal it re-checks on every save); grade hint when stuck.",
    },
    "next_all_done": {"zh": "🎉 全部 {total} 个练习都通过了！", "en": "🎉 all {total} exercises pass!"},
    "first_diff": {
        "zh": "（太长，只显示第一个不同之处附近：第 {n} 个字符；期望共 {expected_len} 个字符，实际共 {actual_len} 个）",
        "en": "(too long: shown around the first difference, at character {n}; expected has {expected_len} characters, "
              "got {actual_len})",
    },
    # grade batch: isolation and files changed on disk (security round 2) ----------------------------
    "batch_needs_bwrap": {
        "zh": "grade batch 给出的是正式成绩，应在 bubblewrap 隔离级别下运行；这台机器只有 {level} 级别（{reason}）。"
              "缺少的是 bwrap：{fix}。运行 grade doctor 查看详情。确实要在这个级别评分，请加上 --allow-process-level",
        "en": "grade batch gives the grade of record and runs at the bubblewrap level; this machine offers only the "
              "{level} level ({reason}). What is missing is bwrap: {fix}. Run grade doctor for details. To grade at "
              "this level anyway, pass --allow-process-level",
    },
    "batch_process_level_limits": {
        "zh": "注意：正在 process 级别评分（--allow-process-level）。学生的代码以你的用户身份运行：它能读取其他学生的"
              "提交和你自己的文件，能写入你的用户能写的地方（包括这台机器上其他学生的仓库），也能向你的进程发送信号。"
              "导出的文件在评分时会核对摘要，被改动的提交会重新导出并单独评分。{landlock}",
        "en": "note: grading at the process level (--allow-process-level). Students' code runs as your user: it can read "
              "other students' submissions and your own files, write wherever your user can (other students' "
              "repositories on this machine too), and signal your processes. Exported files are checked against "
              "their digest when graded; a changed submission is exported again and graded alone. {landlock}",
    },
    "batch_portable_level_limits": {
        "zh": "注意：正在 portable 级别评分（--allow-process-level）。它只防止失误（死循环、刷屏、残留进程），"
              "不防有意的破坏：学生的代码以你的用户身份运行，能读写你能读写的一切，也能向你的进程发送信号。{landlock}",
        "en": "note: grading at the portable level (--allow-process-level). It guards against mistakes (endless loops, "
              "floods, leftover processes), not against harm on purpose: students' code runs as your user, can read "
              "and write whatever you can, and signal your processes. {landlock}",
    },
    "batch_landlock_here": {
        "zh": "这里的内核有 Landlock（ABI {abi}），它另外限制了学生代码能写入和发信号的范围，但不限制读取。",
        "en": "This kernel has Landlock (ABI {abi}), which further limits where students' code can write and what it "
              "can signal, but not what it can read.",
    },
    "batch_landlock_none": {
        "zh": "在有 Landlock 的 Linux 内核上，还能另外限制学生代码能写入和发信号的范围（读取不受限制）；这里没有用上。",
        "en": "On a Linux kernel with Landlock, where students' code can write and what it can signal would be limited "
              "further (not what it can read); it is not in use here.",
    },
    "batch_regraded_changed": {
        "zh": "{user}：文件在导出后、评分前被改动；已从 git 重新导出并单独评分",
        "en": "{user}: files changed on disk after export; exported again from git and graded alone",
    },
    "batch_changed_twice": {
        "zh": "{user}：重新导出后文件再次被改动；没有记录成绩（标记 {flag}），请在 bubblewrap 级别下用 --regrade 重新评分",
        "en": "{user}: files changed on disk again after a fresh export; no grade stored (flag {flag}): regrade them "
              "with --regrade at the bubblewrap level",
    },
    "batch_changed_in_place": {
        "zh": "{user}：这个文件夹不是 git 仓库，它的文件在评分时被改动，无法重新导出；没有记录成绩（标记 {flag}）",
        "en": "{user}: not a git repository, and its files changed on disk during grading, so it cannot be exported "
              "again; no grade stored (flag {flag})",
    },
    "changed_in_place": {
        "zh": "你的文件在评分期间被改动了（不是你的提交所为时，多半是同时评分的其他代码），所以这次没有评分；老师会重新评分",
        "en": "your files changed on disk during grading (if not by your own submission, most likely by other code "
              "graded at the same time), so they were not graded this time; your instructor will regrade them",
    },
    "changed_during_grading": {
        "zh": "你的文件在导出之后、评分之前被改动了两次（不是你的提交所为时，多半是同时评分的其他代码），所以这次没有评分；"
              "老师会重新评分",
        "en": "your files changed on disk between export and grading, twice (if not by your own submission, most "
              "likely by other code graded at the same time), so they were not graded this time; your instructor "
              "will regrade them",
    },
}


# -- issue 14: watch ----------------------------------------------------------------------------------------
CATALOGUE.update({
    "w_keys": {
        "zh": "n 下一个 · p 上一个 · h 提示 · l 列表 · c 全部检查 · r 重置 · q 退出",
        "en": "n next · p previous · h hint · l list · c check all · r reset · q quit",
    },
    "w_first": {
        "zh": "{exercise} 已经是第一个练习，前面没有别的练习了。",
        "en": "{exercise} is the first exercise; there is none before it.",
    },
    "w_list_keys": {
        "zh": "↑↓ 或 j k 移动 · PgUp PgDn 翻页 · Enter 打开 · Esc 或 q 关闭",
        "en": "arrows or j k move · PgUp PgDn page · Enter open · Esc or q close",
    },
    "w_list_position": {"zh": "第 {first}–{last} 个练习，共 {total} 个", "en": "exercises {first}–{last} of {total}"},
    "w_more_failures": {
        "zh": "……还有 {n} 项未通过：按 a 查看全部",
        "en": "... and {n} more failing: press a to see every failure",
    },
    "w_file_gone": {
        "zh": "找不到 {file}（是不是被删除或改名了？）。运行 grade reset {topic} 可以恢复最初的文件，也可以在这里按 r。",
        "en": "{file} is missing (deleted or renamed?). Run grade reset {topic} to bring back the original file, "
              "or press r here.",
    },
    "w_confirm_restore": {
        "zh": "把 {file} 恢复成最初的样子？按 y 确认，其他键取消",
        "en": "bring back {file} as the original stub? y to confirm, any other key cancels",
    },
    "w_restored": {"zh": "{file} 已恢复成最初的样子。", "en": "{file} is back, as the original stub."},
})


# -- coding lines and CI step files (issue 12: source and ci) ---------------------------------------------
CATALOGUE.update({
    "coding_cookie_why": {
        "zh": "这个文件声明了编码 {encoding}；请把它存成 UTF-8，并删掉这一行编码声明",
        "en": "this file declares the encoding {encoding}; save it as UTF-8 and remove the coding line",
    },
    "coding_cookie": {
        "zh": "{file} 第 {line} 行：这个文件声明了编码 {encoding}；请把它存成 UTF-8，并删掉这一行编码声明（这项检查不能通过）",
        "en": "{file} line {line}: this file declares the encoding {encoding}; save it as UTF-8 and remove the coding "
              "line (this check cannot pass until then)",
    },
    "ci_tampered": {
        "zh": "评分期间有别的程序改写了 {files}（可能是你的代码留下的进程）：已恢复原来的内容，"
              "分数仍以评分进程算出的为准，这次改写已记录",
        "en": "something other than the grader wrote to {files} while grading ran (perhaps a process your code left "
              "behind): the original content was restored, the score stands as the grader computed it, and the "
              "tampering is recorded",
    },
})

# -- issue 13: release and ci ------------------------------------------------------------------------------
CATALOGUE.update({
    "release_assignment_header": {
        "zh": "assignment.toml：这份作业本身（由 gradekit {version} 的 `grade release` 生成）：主题、分数、截止时间和规则。\n"
              "学生请勿修改此文件：CI 和老师的重新评分都读取它，老师评分时会标记对它的任何改动。",
        "en": "assignment.toml: this assignment (written by `grade release`, gradekit {version}): topics, points, "
              "deadline and rules.\nStudents: do not edit this file. CI and your teacher's regrade read it, and the "
              "regrade flags any change to it."},
    "readme_deadline": {"zh": "截止时间：**{when}**。", "en": "Deadline: **{when}**."},
    "readme_rule_on_time": {
        "zh": "评分取截止时间或之前的最后一次提交（commit）；截止之后的提交不计入。",
        "en": "The last commit at or before the deadline is graded; later commits do not count."},
    "readme_rule_grace": {
        "zh": "评分取 {cutoff} 或之前的最后一次提交：截止之后、{cutoff} 之前的提交仍然接受，不扣分；之后的提交不计入。",
        "en": "The last commit at or before {cutoff} is graded: commits after the deadline are still accepted until then, "
              "without a penalty; later ones do not count."},
    "readme_rule_late": {
        "zh": "评分取最后一次提交。如果它晚于截止时间，每晚{unit}（不足{unit}按{unit}算）扣该次得分的 {penalty}%，"
              "最多扣 {cap}%。",
        "en": "The last commit is graded. If it was made after the deadline, {penalty}% of its score is taken off per "
              "{unit} late (a started {unit} counts), at most {cap}%."},
    "readme_rule_late_cutoff": {
        "zh": "评分取 {cutoff} 或之前的最后一次提交，之后的提交不计入。如果它晚于截止时间，每晚{unit}（不足{unit}按{unit}算）"
              "扣该次得分的 {penalty}%，最多扣 {cap}%。",
        "en": "The last commit at or before {cutoff} is graded; later commits do not count. If it was made after the "
              "deadline, {penalty}% of its score is taken off per {unit} late (a started {unit} counts), at most {cap}%."},
    "readme_unit_per_day": {"zh": "一天", "en": "day"},
    "readme_unit_per_hour": {"zh": "一小时", "en": "hour"},
    "readme_push": {"zh": "只有推送（push）到 GitHub 的提交才会被评分。",
                    "en": "Only commits pushed to GitHub are graded."},
    "readme_no_deadline": {
        "zh": "这份作业没有设定截止时间（`assignment.toml` 里没有 deadline）：老师评分时取你最后一次推送的提交。",
        "en": "This assignment has no deadline (`assignment.toml` sets none): your teacher grades the last commit "
              "you pushed."},
    "ci_could_not_grade": {"zh": "gradekit 无法评分这份提交：{error}",
                           "en": "gradekit could not grade this submission: {error}"},
    "ci_bad_assignment": {
        "zh": "无法评分：{error}。assignment.toml 由老师发布，请勿修改；如果你没有改过它，请告诉老师。",
        "en": "grading could not run: {error}. assignment.toml comes from your teacher: do not edit it; if you did "
              "not, tell your teacher."},
})


# -- issue 13: batch ------------------------------------------------------------------------------
CATALOGUE.update({
    "batch_no_student_commits": {
        "zh": "评分的提交只包含模板自带的文件：没有你自己的提交。",
        "en": "The commit graded holds only the template's own files: no commit of yours.",
    },
    "batch_no_student_commits_later": {
        "zh": "截止时间前的提交只包含模板自带的文件：没有你自己的提交（截止后另有 {later} 个提交，不计分）。",
        "en": "Before the deadline, your repository held only the template's own files: no commit of yours "
              "({later} later commits are not graded).",
    },
})


# -- issue 13: merge, gradebooks and LMS files ------------------------------------------------------------------------------
CATALOGUE.update({
    # the feedback column of gradebook-moodle.csv (a student reads it in Moodle)
    "lms_not_graded": {"zh": "未评分：{reason}", "en": "not graded: {reason}"},
    "lms_extended": {"zh": "延长后的截止时间：{deadline}", "en": "extended deadline: {deadline}"},
    "lms_late": {"zh": "迟交扣分 {percent}%（扣分前 {before} 分）",
                 "en": "late: {percent}% off ({before} points before the penalty)"},
    "lms_status_empty": {"zh": "仓库里没有提交", "en": "the repository has no commits"},
    "lms_status_no_repository": {"zh": "没有找到你的仓库", "en": "no repository was found for you"},
    "lms_status_no_student_commits": {"zh": "仓库里只有模板自带的提交，没有你的提交",
                                      "en": "the repository has only the template's own commits, none of yours"},
    "lms_status_late": {"zh": "截止时间之前没有提交", "en": "nothing was committed before the deadline"},
    "lms_status_clone_failed": {"zh": "无法下载你的仓库，请联系老师", "en": "your repository could not be downloaded; "
                                "ask your instructor"},
    "lms_status_broken_repository": {"zh": "你的仓库已损坏，请联系老师", "en": "your repository is damaged; ask your "
                                     "instructor"},
    "lms_status_not_found": {"zh": "没有找到你的作业文件", "en": "your assignment files were not found"},
    "lms_status_grading_error": {"zh": "评分出错，请联系老师", "en": "grading failed; ask your instructor"},
})


# -- issue 13: feedback reports and pushes ------------------------------------------------------------------------------
CATALOGUE.update({
    "fb_title": {"zh": "作业反馈", "en": "Feedback"},
    "fb_assignment": {"zh": "作业", "en": "Assignment"},
    "fb_student": {"zh": "学生", "en": "Student"},
    "fb_deadline": {"zh": "截止时间", "en": "Deadline"},
    "fb_no_deadline": {"zh": "没有截止时间", "en": "no deadline"},
    "fb_extended": {"zh": "（已为你延期）", "en": "(extended for you)"},
    "fb_cutoff": {"zh": "最晚接受到", "en": "late work accepted until"},
    "fb_commit": {"zh": "评分的提交", "en": "Commit graded"},
    "fb_no_commit": {"zh": "没有记录提交", "en": "no commit recorded"},
    "fb_later": {"zh": "之后还有 {n} 次提交没有评分", "en": "{n} later commits were not graded"},
    "fb_score": {"zh": "得分", "en": "Score"},
    "fb_late": {"zh": "迟交 {late}：扣除 {percent}%（扣分前 {before}）",
                "en": "{late} late: {percent}% taken off (before the penalty: {before})"},
    "fb_late_no_penalty": {"zh": "迟交 {late}（不扣分）", "en": "{late} late (no penalty)"},
    "fb_days": {"zh": "{n} 天", "en": "{n} d"},
    "fb_hours": {"zh": "{n} 小时", "en": "{n} h"},
    "fb_minutes": {"zh": "{n} 分钟", "en": "{n} min"},
    "fb_not_graded": {"zh": "没有评分", "en": "Not graded"},
    "fb_not_graded_why": {"zh": "这次没有给你评分，成绩单上这一项是空白，不是 0 分。原因：",
                          "en": "You were not graded this time, so the gradebook shows a blank, not 0. Why:"},
    "fb_overview": {"zh": "各题得分", "en": "Scores"},
    "fb_topic": {"zh": "主题", "en": "topic"},
    "fb_exercise": {"zh": "练习", "en": "exercise"},
    "fb_state": {"zh": "状态", "en": "state"},
    "fb_col_score": {"zh": "得分", "en": "score"},
    "fb_done": {"zh": "完成", "en": "done"},
    "fb_todo": {"zh": "还没有完成", "en": "not done yet"},
    "fb_failing": {"zh": "需要修改", "en": "needs work"},
    "fb_to_fix": {"zh": "需要修改的地方", "en": "What to fix"},
    "fb_todo_line": {"zh": "还没有完成（仍然只会抛出 NotImplementedError）", "en": "Not done yet (still raising NotImplementedError)"},
    "fb_at": {"zh": "位置", "en": "at"},
    "fb_hidden": {"zh": "隐藏检查", "en": "hidden check"},
    "fb_hint": {"zh": "提示", "en": "Hint"},
    "fb_flags": {"zh": "需要注意的地方", "en": "Things to check"},
    "fb_flags_note": {"zh": "这些标记只是提醒老师查看，从不改变你的分数。",
                      "en": "These flags only ask your instructor to take a look; a flag never changes your score."},
    "fb_all_done": {"zh": "所有检查都通过了，做得好！", "en": "Every check passed: well done!"},
    "fb_details": {"zh": "评分信息", "en": "Grading details"},
    "fb_status_empty": {"zh": "仓库里没有提交", "en": "the repository has no commits"},
    "fb_status_no-repository": {"zh": "名单里没有你的仓库", "en": "the roster has no repository for you"},
    "fb_status_no-student-commits": {"zh": "仓库里只有模板自己的提交，还没有你的提交",
                                     "en": "the repository holds only the template's commits, none of yours"},
    "fb_status_late": {"zh": "所有提交都在截止时间之后", "en": "every commit is after the deadline"},
    "fb_status_clone-failed": {"zh": "无法下载你的仓库", "en": "your repository could not be downloaded"},
    "fb_status_broken-repository": {"zh": "你的仓库无法读取", "en": "your repository could not be read"},
    "fb_status_not-found": {"zh": "找不到你的仓库", "en": "your repository was not found"},
    "fb_status_grading-error": {"zh": "评分时出错（不是你的问题，老师会处理）",
                                "en": "grading failed (not your fault; your instructor will look into it)"},
})


# -- issue 13: dashboard ------------------------------------------------------------------------------
# The class dashboard's fixed text (render/dashboard.py), in the instructor's language.
CATALOGUE.update({
    "dash_title": {"zh": "gradekit 班级概览", "en": "gradekit class dashboard"},
    "dash_assignment": {"zh": "作业", "en": "Assignment"},
    "dash_points": {"zh": "{points} 分", "en": "{points} points"},
    "dash_topics": {"zh": "主题", "en": "Topics"},
    "dash_deadline": {"zh": "截止时间", "en": "Deadline"},
    "dash_no_deadline": {"zh": "无", "en": "none"},
    "dash_no_assignment": {"zh": "没有提供 assignment.toml，截止时间未知",
                           "en": "no assignment.toml was given: the deadline is unknown"},
    "dash_late_none": {"zh": "截止后的提交不评分", "en": "nothing committed after the deadline is graded"},
    "dash_late_per_day": {"zh": "逾期每（开始的）一天扣 {penalty}%，最多扣 {cap}%",
                          "en": "late: {penalty}% off per day started, at most {cap}%"},
    "dash_late_per_hour": {"zh": "逾期每（开始的）一小时扣 {penalty}%，最多扣 {cap}%",
                           "en": "late: {penalty}% off per hour started, at most {cap}%"},
    "dash_cutoff": {"zh": "{cutoff} 之后的提交不评分", "en": "nothing committed after {cutoff} is graded"},
    "dash_made": {"zh": "生成时间", "en": "Made"},
    "dash_students": {"zh": "名学生", "en": "students"},
    "dash_graded": {"zh": "已评分", "en": "graded"},
    "dash_not_graded": {"zh": "未评分", "en": "not graded"},
    "dash_median": {"zh": "中位数", "en": "median score"},
    "dash_mean": {"zh": "平均分", "en": "mean score"},
    "dash_flagged": {"zh": "有标记", "en": "flagged"},
    "dash_late_count": {"zh": "逾期提交", "en": "late"},
    "dash_extended": {"zh": "延期", "en": "extensions"},
    "dash_chart_score": {"zh": "得分（%）", "en": "score (%)"},
    "dash_chart_students": {"zh": "学生人数", "en": "students"},
    "dash_chart_distribution": {"zh": "得分分布", "en": "Score distribution"},
    "dash_chart_checks_passed": {"zh": "通过的检查（%）", "en": "checks passed (%)"},
    "dash_chart_topics": {"zh": "各主题通过率", "en": "Pass rate per topic"},
    "dash_chart_passing": {"zh": "通过的学生（%）", "en": "students passing (%)"},
    "dash_chart_hardest": {"zh": "最难的 {n} 项检查", "en": "The {n} hardest checks"},
    "dash_per_exercise": {"zh": "各练习情况", "en": "Per exercise"},
    "dash_per_exercise_note": {
        "zh": "只计已评分的学生。未尝试：这道练习的每项检查仍然只抛出 NotImplementedError，或者文件不存在。",
        "en": "Graded students only. Not attempted: every check of the exercise still raises NotImplementedError, "
              "or the file is missing."},
    "dash_passed": {"zh": "全部通过", "en": "passed"},
    "dash_wrong": {"zh": "做了但有错", "en": "wrong"},
    "dash_not_attempted": {"zh": "未尝试", "en": "not attempted"},
    "dash_kit_error": {"zh": "评分出错", "en": "grading error"},
    "dash_topic": {"zh": "主题", "en": "topic"},
    "dash_exercise": {"zh": "练习", "en": "exercise"},
    "dash_hardest": {"zh": "最难的检查", "en": "Hardest checks"},
    "dash_check": {"zh": "检查", "en": "check"},
    "dash_passing": {"zh": "通过的学生", "en": "students passing"},
    "dash_rate_of": {"zh": "{n} 人中 {rate}%", "en": "{rate}% of {n}"},
    "dash_flagged_students": {"zh": "有标记的学生", "en": "Flagged students"},
    "dash_flag_note": {"zh": "标记只供查看，不改变分数。", "en": "A flag is for you to look at; it never changes the score."},
    "dash_none": {"zh": "没有。", "en": "None."},
    "dash_not_graded_title": {"zh": "未评分的学生", "en": "Not graded"},
    "dash_not_graded_note": {"zh": "这些学生的分数是空白（不是 0），不计入上面的统计和图表。",
                             "en": "These students are blank, not 0, and are left out of every count and chart above."},
    "dash_everyone_graded": {"zh": "每个学生都已评分。", "en": "Everyone was graded."},
    "dash_all_students": {"zh": "所有学生", "en": "All students"},
    "dash_filter": {"zh": "按名字、标记或状态筛选", "en": "filter by name, flag or status"},
    "dash_sort_note": {"zh": "点击表头排序（再点一次反向）；空白总在最后。",
                       "en": "Click a heading to sort (again to reverse); blanks stay last."},
    "dash_student": {"zh": "学生", "en": "student"},
    "dash_roster": {"zh": "名单标识", "en": "roster"},
    "dash_status": {"zh": "状态", "en": "status"},
    "dash_message": {"zh": "说明", "en": "message"},
    "dash_score": {"zh": "得分", "en": "score"},
    "dash_percent": {"zh": "%", "en": "%"},
    "dash_late_by": {"zh": "逾期", "en": "late by"},
    "dash_penalty": {"zh": "扣分比例", "en": "penalty"},
    "dash_before_penalty": {"zh": "扣分前", "en": "before penalty"},
    "dash_extension": {"zh": "延期至", "en": "extended to"},
    "dash_flags": {"zh": "标记", "en": "flags"},
    "dash_commit": {"zh": "提交", "en": "commit"},
    "dash_days_hours": {"zh": "{d} 天 {h} 小时", "en": "{d} d {h} h"},
    "dash_hours_minutes": {"zh": "{h} 小时 {m} 分", "en": "{h} h {m} min"},
    "dash_minutes": {"zh": "{m} 分钟", "en": "{m} min"},
    "dash_status_empty": {"zh": "仓库是空的", "en": "the repository is empty"},
    "dash_status_no-repository": {"zh": "没有仓库", "en": "no repository"},
    "dash_status_no-student-commits": {"zh": "只有模板自己的提交", "en": "only the template's own commits"},
    "dash_status_late": {"zh": "截止前没有提交", "en": "nothing committed in time"},
    "dash_status_clone-failed": {"zh": "无法克隆", "en": "could not be cloned"},
    "dash_status_broken-repository": {"zh": "仓库已损坏", "en": "the repository is broken"},
    "dash_status_not-found": {"zh": "找不到", "en": "not found"},
    "dash_status_grading-error": {"zh": "评分出错", "en": "grading failed"},
})


# -- issue 14: cli ------------------------------------------------------------------------------
# Labels that end in a colon carry it, so Chinese gets the full-width one; unknown names get a
# did-you-mean, or say in words that nothing is close.
CATALOGUE.update({
    "failures_colon": {"zh": "需要修改的地方：", "en": "what to fix:"},
    "usage_error": {"zh": "{prog}：{message}（运行 {prog} --help 查看用法）", "en": "{prog}: error: {message}"},
    "hint_colon": {"zh": "提示：", "en": "hint: "},
    "printed_colon": {"zh": "你的程序打印了：", "en": "your program printed:"},
    "no_kit_here": {
        "zh": "这里没有题包：请在有 exercises/ 和 graders/ 的文件夹（你的作业模板）里运行 grade，或者用 --kit 指定它",
        "en": "no kit here: run grade inside the kit folder (with exercises/ and graders/) or pass --kit",
    },
    "topic_error_aside": {"zh": "（无法评分）", "en": "  (could not be graded)"},
    "unknown_topic": {
        "zh": "没有叫 {name} 的主题：你是不是想写 {near}？",
        "en": "unknown topic {name}: did you mean {near}?",
    },
    "unknown_topic_none": {
        "zh": "没有叫 {name} 的主题，也没有名字相近的主题：运行 grade list 查看全部主题",
        "en": "unknown topic {name}, and no topic has a similar name: grade list shows every topic",
    },
    "unknown_exercise_none": {
        "zh": "没有叫 {name} 的练习或主题，也没有名字相近的：运行 grade list 查看全部练习",
        "en": "no exercise or topic is called {name}, and none has a similar name: grade list shows them all",
    },
    "selfcheck_needs_kit": {
        "zh": "grade selfcheck 需要老师的完整题包（有参考答案 exercises/<主题>/solution.py 和 mutants/ 的那个）；"
              "这里是发给学生的作业模板，没有这些文件。检查自己的作业请运行 grade check",
        "en": "grade selfcheck needs the instructor's kit (the one with the reference solutions, "
              "exercises/<topic>/solution.py, and mutants/); this is a student template, which has none. "
              "To check your own work, run grade check",
    },
})

def pick_lang(explicit: str | None = None, env=None) -> str:
    """``--lang`` if given, else ``GRADEKIT_LANG``, else the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English."""
    if explicit in LANGS:
        return explicit
    env = os.environ if env is None else env
    if env.get("GRADEKIT_LANG") in LANGS:
        return env["GRADEKIT_LANG"]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class _Blank(dict):
    def __missing__(self, key):
        return "?"


def t(key: str, lang: str, **fields) -> str:
    """One catalogue entry in ``lang`` with ``fields`` filled in (missing fields show as ?)."""
    return CATALOGUE[key][lang].format_map(_Blank(fields))


#: argparse's commonest usage errors, in Chinese (``cli.usage_words``); one not here is shown as argparse wrote it.
USAGE_ZH = (
    (r"unrecognized arguments: (.*)", "不认识这些参数：{0}"),
    (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", "参数 {0} 的值 {1} 不在可选的值里（可选：{2}）"),
    (r"argument (\S+): expected one argument", "参数 {0} 后面要跟一个值"),
    (r"argument (\S+): invalid float value: (.*)", "参数 {0} 的值 {1} 不是数字"),
    (r"argument (\S+): invalid int value: (.*)", "参数 {0} 的值 {1} 不是整数"),
)


def translated(message: str, lang: str, table) -> str:
    """An English message from Python or argparse, in ``lang``: Chinese by the first of ``table``'s
    ``(pattern, words)`` whose pattern matches all of it, its groups filled in; as written otherwise."""
    if lang == "zh":
        import re

        for pattern, words in table:
            found = re.fullmatch(pattern, message)
            if found:
                return words.format(*found.groups())
    return message


def names_list(names, lang: str) -> str:
    """Identifiers listed in a sentence: 、 between them in Chinese, a comma in English."""
    return ("、" if lang == "zh" else ", ").join(names)


# -- grade doctor (instructor.doctor) ----------------------------------------------------------

CATALOGUE.update({
    "dr_note_process": {
        "zh": "注意：学生代码只在进程级限制下运行（{reason}）。要获得最强隔离：{fix}",
        "en": "note: student code ran with process limits only ({reason}). For the strongest isolation: {fix}",
    },
    "dr_note_portable": {
        "zh": "注意：学生代码在便携级别运行（{reason}）：每个主题一个新的解释器，主题结束时结束它的整个进程树。{missing}它防止失误（死循环、输出刷屏、残留进程），不防蓄意攻击；批改不可信的作业请在 Linux 上用 bwrap 级别。",
        "en": "note: student code ran at the portable level ({reason}): a fresh interpreter per topic, its whole process tree killed when the topic ends. {missing}It guards against mistakes (endless loops, floods, leftover processes), not against deliberate attacks; grade untrusted work at the bwrap level, on Linux.",
    },
    "dr_missing": {
        "zh": "这里无法施加的限制：{limits}。",
        "en": "Limits this system cannot apply: {limits}. ",
    },
    "dr_head_level": {
        "zh": "级别",
        "en": "level",
    },
    "dr_head_protects": {
        "zh": "能防住",
        "en": "protects",
    },
    "dr_head_cannot": {
        "zh": "防不住",
        "en": "cannot",
    },
    "dr_bwrap_protects": {
        "zh": "学生代码只看到只读的系统和该学生自己的文件（看不到评分器、答案、其他学生和主目录），没有网络，看不到我们的进程；残留的守护进程随命名空间一起结束",
        "en": "student code sees a read-only system and only its own student's files (no graders, solutions, other students or home folder), no network, no process of ours; daemons die with the namespace",
    },
    "dr_bwrap_cannot": {
        "zh": "提交的代码碰不到评分进程；只有内核漏洞才可能",
        "en": "nothing a submission can do reaches the grader; a kernel bug could",
    },
    "dr_process_protects": {
        "zh": "死循环、输出刷屏、崩溃、占满内存或磁盘；评分进程和运行器是子进程收割者，会清理提交启动的一切；停滞或被暂停的会话会被结束，并归咎于正在评分的主题；seccomp 过滤器拒绝暂停信号和 ptrace；有 Landlock 时，只能写自己的临时目录，只能读系统和自己的副本，且（ABI 6 及以上）不能向外发信号",
        "en": "endless loops, floods, crashes, memory and disk hogs; the grader and the runner are subreapers and sweep whatever a submission starts; a stalled or stopped session is killed and the topic in flight blamed; a seccomp filter refuses stop signals and ptrace; with Landlock, writes only to scratch, reads only the system and its own copy, and (ABI 6+) no signals out",
    },
    "dr_process_cannot": {
        "zh": "代码以你的用户身份运行：没有 Landlock 时能读写你和其他学生的文件，能结束你的进程；/proc 仍可读；root 不受 RLIMIT_NPROC 限制",
        "en": "code runs as your user: without Landlock it can read and write your files and other students', and kill your processes; /proc stays readable; root is exempt from RLIMIT_NPROC",
    },
    "dr_portable_protects": {
        "zh": "同样的失误：每个主题一个新的解释器，主题结束时结束它的整个进程树，系统支持的限制都会施加（在 Linux 上还有 Landlock）",
        "en": "the same mistakes: a fresh interpreter per topic, its whole process tree killed when the topic ends, limits where the system has them (Landlock too, on Linux)",
    },
    "dr_portable_cannot": {
        "zh": "防不住在 Windows 或 macOS 上蓄意破坏的学生：没有 Landlock、没有子进程收割者、限制更少；没有 --allow-process-level 时 `grade batch` 拒绝使用它",
        "en": "a student set on harm on Windows or macOS: no Landlock, no subreaper, fewer limits; `grade batch` refuses it without --allow-process-level",
    },
    "dr_ll_bwrap": {
        "zh": "landlock：bwrap 级别不需要它（命名空间已经隐藏了文件和进程）",
        "en": "landlock: not needed at the bwrap level (namespaces already hide files and processes)",
    },
    "dr_ll_none": {
        "zh": "landlock：没有（{note}）：子进程能写入这个用户能写的任何地方，能读取其他学生的文件和题包的隐藏评分器，也能结束评分进程（运行器会重新评分，并归咎于正在评分的主题）；seccomp 过滤器仍然拒绝暂停信号和 ptrace",
        "en": "landlock: none ({note}): children can write wherever this user can, read other students' files and the kit's hidden graders, and kill the grader (the runner then grades again and blames the topic in flight); a seccomp filter still refuses stop signals and ptrace",
    },
    "dr_ll_na": {
        "zh": "不可用",
        "en": "not available",
    },
    "dr_ll_abi": {
        "zh": "landlock：ABI {abi}：子进程只能写自己的临时目录和 /dev/shm，只能读系统、Python、gradekit 和自己那份提交的副本",
        "en": "landlock: ABI {abi}: children write only to their scratch folder and /dev/shm, and read only the system, Python, gradekit and their own submission's copy",
    },
    "dr_ll_scoped": {
        "zh": "landlock：信号已限定范围：子进程不能向评分进程或沙箱外的任何进程发信号，也连不到沙箱外的抽象套接字",
        "en": "landlock: signals scoped: children cannot signal the grader or any process outside their sandbox, nor reach abstract sockets outside it",
    },
    "dr_ll_unscoped": {
        "zh": "landlock：信号没有限定范围（需要 ABI {abi}，Linux 6.12 及以上）：子进程仍能结束评分进程（运行器会重新评分，并归咎于正在评分的主题）；seccomp 过滤器拒绝暂停信号和 ptrace",
        "en": "landlock: signals not scoped (needs ABI {abi}, Linux 6.12+): a child can still kill the grader (the runner grades again and blames the topic in flight); a seccomp filter refuses stop signals and ptrace",
    },
    "dr_unavailable": {
        "zh": "隔离：不可用",
        "en": "isolation: unavailable",
    },
    "dr_bwrap": {
        "zh": "隔离：bwrap",
        "en": "isolation: bwrap",
    },
    "dr_bwrap_why": {
        "zh": "（命名空间：独立的文件系统视图，没有网络，独立的进程号空间）",
        "en": " (namespaces: private file system view, no network, own PID space)",
    },
    "dr_level": {
        "zh": "隔离：{level}",
        "en": "isolation: {level}",
    },
    "dr_processes": {
        "zh": "进程：评分进程和运行器是子进程收割者，提交启动的一切在它结束时都会被结束；RLIMIT_NPROC 限制 fork 炸弹（root 除外，内核不对它施加这个限制）",
        "en": "processes: the grader and the runner are subreapers: whatever a submission starts is killed when it is done; RLIMIT_NPROC bounds fork bombs (not for root, whom the kernel exempts)",
    },
    "dr_fix": {
        "zh": "要获得最强的隔离级别：{fix}",
        "en": "to get the strongest level: {fix}",
    },
})


# -- the GitHub step summary (render.markdown) -------------------------------------------------

CATALOGUE.update({
    "md_title": {"zh": "gradekit 评分", "en": "gradekit grading"},
    "md_header": {"zh": "| 主题 | 得分 | 通过的检查 |", "en": "| topic | score | checks passed |"},
    "md_public_only": {
        "zh": "只运行了公开检查；另有 **{n}** 项隐藏检查（{p} 分）将在老师最终评分时运行，本次分数不含它们。",
        "en": "Public checks only: **{n}** hidden checks ({p} points) run when your teacher grades; they are not in this score.",
    },
    "md_weights": {
        "zh": "注：检查的分值各不相同，所以 Classroom 日志表格里按“通过数/总数”折算的分数可能与这里的总分不同；以这里和 “Points” 为准。",
        "en": "Note: checks carry different points, so the Classroom log table (passed/total × max) may differ from this total; this total and the “Points” line are the real score.",
    },
    "md_fix": {"zh": "需要修改的地方", "en": "What to fix"},
    "md_level": {"zh": "隔离级别：**{level}**", "en": "Isolation level: **{level}**"},
})


# -- what a student may read about a hidden check (render.redact) ------------------------------
# A hidden check's reason in general terms: never its call, inputs, expected value, the
# student's value or output, nor a name the student's code chose (an exception class made
# with type() can be named after the inputs), so only builtin exception names are said.

CATALOGUE.update({
    "hv_returned": {"zh": "返回值不对", "en": "returned a wrong value"},
    "hv_todo": {"zh": "还没有完成", "en": "not done yet"},
    "hv_raised": {"zh": "抛出了 {exc_type}", "en": "raised {exc_type}"},
    "hv_raised_other": {"zh": "抛出了异常", "en": "raised an exception"},
    "hv_no_raise": {"zh": "应该抛出异常但没有", "en": "should have raised an exception but did not"},
    "hv_wrong_exception": {"zh": "抛出的异常类型不对", "en": "raised the wrong kind of exception"},
    "hv_wrong_message": {"zh": "异常消息不对", "en": "raised an exception with the wrong message"},
    "hv_printed": {"zh": "打印的内容不对", "en": "printed the wrong output"},
    "hv_timeout": {"zh": "运行超时", "en": "timed out"},
    "hv_crashed": {"zh": "程序退出了", "en": "the program exited"},
    "hv_missing": {"zh": "缺少定义", "en": "something is not defined"},
    "hv_syntax": {"zh": "语法错误", "en": "syntax error"},
    "hv_import": {"zh": "导入文件时出错", "en": "importing the file failed"},
    "hv_no_file": {"zh": "找不到这个主题的文件", "en": "the topic's file is missing"},
    "hv_stale": {"zh": "用到了一次被停止的运行里的对象", "en": "used an object from a run that was stopped"},
    "hv_protocol": {"zh": "送回了无法识别的数据", "en": "sent back data the grader cannot accept"},
    "hv_grader": {"zh": "评分程序自身出错（不是你的错，请告诉老师）", "en": "the grader itself failed (not your fault, tell your teacher)"},
    "hv_not_reported": {"zh": "没有产生结果", "en": "produced no result"},
    "hv_grader_killed": {"zh": "你的代码让评分进程停止了", "en": "your code stopped the grading process"},
    "hv_skipped": {"zh": "跳过了", "en": "skipped"},
    "hv_other": {"zh": "未通过", "en": "did not pass"},
})


# -- integrity flags in words a student understands (render.flag_words) ---------------------------
# ``{arg}`` is where the flag's argument goes (its path or count), shown escaped for each format.
CATALOGUE.update({
    "fl_protected-changed": {
        "zh": "你修改了 {arg}，这是模板保护的文件（评分以原始版本为准）",
        "en": "you changed {arg}, which the template protects (grading uses the original)",
    },
    "fl_protected-added": {
        "zh": "你添加了 {arg}，它位于模板保护的位置",
        "en": "you added {arg}, in a place the template protects",
    },
    "fl_protected-removed": {
        "zh": "你删除了 {arg}，这是模板保护的文件",
        "en": "you removed {arg}, which the template protects",
    },
    "fl_missing-file": {
        "zh": "找不到 {arg}：这个文件被删除或改名了吗？评分只读取原来的文件名",
        "en": "{arg} is missing: was it removed or renamed? Grading only reads the original name",
    },
    "fl_shadows-module": {
        "zh": "{arg} 与 Python 或评分工具自带的模块同名，可能让导入得到你的文件而不是原来的模块；请改个名字",
        "en": "{arg} has the name of a module Python or the grader relies on, so importing it may get your file "
              "instead; rename it",
    },
    "fl_pytest-config": {
        "zh": "{arg} 是 pytest 的配置文件；评分时不会使用它，请把它删掉",
        "en": "{arg} is pytest configuration; grading ignores it, so remove it",
    },
    "fl_bytecode": {
        "zh": "{arg} 是编译后的字节码（.pyc），不应提交；评分只读取 .py 源文件",
        "en": "{arg} is compiled bytecode (.pyc), which should not be committed; grading reads .py sources only",
    },
    "fl_coding-cookie": {
        "zh": "{arg} 声明了 UTF-8 以外的编码；请把它存成 UTF-8，并删掉编码声明那一行",
        "en": "{arg} declares an encoding other than UTF-8; save it as UTF-8 and remove the coding line",
    },
    "fl_skipped-symlink": {
        "zh": "{arg} 是符号链接，评分时没有读取它；请提交真正的文件",
        "en": "{arg} is a symbolic link, which grading does not read; commit the real file instead",
    },
    "fl_skipped-unsafe-path": {
        "zh": "有 {arg} 个文件的路径无法安全使用（例如含有 .. 或特殊字符），评分时没有读取它们",
        "en": "{arg} files have paths that cannot be used safely (such as .. or special characters) and were "
              "not read",
    },
    "fl_commits-after-deadline": {
        "zh": "截止时间之后还有提交；评分的是截止前的最后一次提交",
        "en": "there are commits after the deadline; the last commit before it is the one graded",
    },
    "fl_commit-dated-in-future": {
        "zh": "有提交的日期在未来（电脑时钟不对？）",
        "en": "a commit is dated in the future (is a computer's clock wrong?)",
    },
    "fl_commit-dates-out-of-order": {
        "zh": "提交的日期顺序不对：较新的提交日期早于它之前的提交（电脑时钟不对，或者历史被改写过？）",
        "en": "commit dates are out of order: a newer commit is dated before an older one (a wrong clock, or "
              "rewritten history?)",
    },
    "fl_commit-dated-before-template": {
        "zh": "评分的提交日期早于模板发布的时间（电脑时钟不对，或者历史被改写过？）",
        "en": "the commit graded is dated before the template was released (a wrong clock, or rewritten history?)",
    },
    "fl_history-without-template": {
        "zh": "你的提交历史里没有模板的提交：仓库不是从模板开始的，或者历史被改写过",
        "en": "your history holds none of the template's commits: the repository did not start from the template, "
              "or its history was rewritten",
    },
    "fl_not-a-git-repository": {
        "zh": "提交的不是 git 仓库，所以没有记录评分的是哪一次提交",
        "en": "the submission is not a git repository, so no commit is recorded for it",
    },
    "fl_changed-during-grading": {
        "zh": "评分期间你的文件被改动了（可能是你的代码留下的进程）；分数以原始文件为准",
        "en": "your files changed while they were being graded (perhaps a process your code left behind); the "
              "score is for the files as committed",
    },
    "fl_no-student-commits": {
        "zh": "仓库里只有模板自己的提交：还没有你的提交",
        "en": "the repository holds only the template's own commits: none of yours yet",
    },
    "fl_unknown": {"zh": "标记 {arg}", "en": "flag {arg}"},
})


def both(key: str, **fields) -> dict[str, str]:
    """One entry in every language, as ``zh=..., en=...`` keyword arguments (``grader.fail``, ``CheckFailure``)."""
    return {lang: t(key, lang, **fields) for lang in LANGS}


# -- structural rules that cannot read the student's file (grader.structure) ---------------------
CATALOGUE.update({
    "st_too_large": {
        "zh": "{file} 有 {kb} KB，太大了，检查不会去读它（上限 {limit} KB）：删掉不需要的内容再试",
        "en": "{file} is {kb} KB, too large for the check to read (the limit is {limit} KB): "
              "remove what it does not need and try again",
    },
    "st_too_deep": {
        "zh": "{file} 里有一个表达式嵌套得太深（比如上千个 + 连在一起），检查读不了这个文件：把它拆开再试",
        "en": "{file} holds an expression nested too deeply (thousands of + in a row, say) for the check to read "
              "the file: split it up and try again",
    },
    "st_unparsable": {
        "zh": "{file} 无法解析（有语法错误？）",
        "en": "{file} cannot be parsed (a syntax error?)",
    },
    "st_rebound": {
        "zh": "{name} 在文件中被定义或赋值了不止一次（第 {lines} 行）：只保留一个 def {name}，检查才能看清运行的是哪一个",
        "en": "{name} is defined or assigned more than once in the file (lines {lines}): keep a single def {name}, "
              "so the check can see which one runs",
    },
    "st_rebound_in": {
        "zh": "{name} 在 {file} 中被定义或赋值了不止一次（第 {lines} 行）：只保留一个 def {name}，检查才能看清运行的是哪一个",
        "en": "{name} is defined or assigned more than once in {file} (lines {lines}): keep a single def {name}, "
              "so the check can see which one runs",
    },
})
