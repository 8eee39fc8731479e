# mutant-of: test
# mistake: forgets that sys.argv[0] is the script name, so the argument count is off by one
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

' a test module '

__author__ = 'gradekit'

import sys

__all__ = ['test']


def test():
    args = sys.argv
    if len(args) == 0:
        print('hello world')
    elif len(args) == 1:
        print(f'hello, {args[0]}!')
    else:
        print('too many arguments!')


def _private_test():
    print('this is a private test')


if __name__ == '__main__':
    test()
