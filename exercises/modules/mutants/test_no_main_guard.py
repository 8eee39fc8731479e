# mutant-of: test
# mistake: calls test() at module level without the if __name__ == "__main__": guard, so importing prints
# whole-file: the mistake is outside any definition: the module calls test() without the main guard
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

' a test module '

__author__ = 'gradekit'

import sys

__all__ = ['test']


def test():
    args = sys.argv
    if len(args) == 1:
        print('hello world')
    elif len(args) == 2:
        print(f'hello, {args[1]}!')
    else:
        print('too many arguments!')


def _private_test():
    print('this is a private test')


test()
