#!/usr/bin/env python3
# -*- coding: utf-8 -*-

' 模块 / Modules -- see exercises/modules/README.md '

# 这个文件既是一个模块（可以被 import），也是一个脚本（python modules.py ...）。
# 把每个 raise NotImplementedError 换成你的代码，并在下面定义 __all__。
#
# This file is both a module (it can be imported) and a script (python modules.py ...).
# Replace each `raise NotImplementedError` with your code, and define __all__ below.

__author__ = 'your name'

import sys

# TODO: 定义 __all__：公开名字的 list（私有函数不放进去）。
# TODO: define __all__: the list of public names (private functions stay out).


def test():
    """根据 sys.argv 打招呼（sys.argv[0] 是脚本名）：
    没有参数打印 'hello world'；一个参数 NAME 打印 'hello, NAME!'；
    更多参数打印 'too many arguments!'。

    Greet according to sys.argv (sys.argv[0] is the script name):
    no arguments prints 'hello world'; one argument NAME prints 'hello, NAME!';
    more prints 'too many arguments!'.
    """
    raise NotImplementedError


def _private_test():
    """私有函数：打印 'this is a private test'。不要把它放进 __all__。

    A private function: print 'this is a private test'. Keep it out of __all__.
    """
    raise NotImplementedError


# 只有直接运行这个文件时才调用 test()；被 import 时什么都不做，也什么都不打印。
# test() runs only when the file is run directly; importing it does (and prints) nothing.
if __name__ == '__main__':
    test()
