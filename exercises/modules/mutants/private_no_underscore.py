# mutant-of: _private_test
# mistake: names the function private_test, without the leading underscore
# whole-file: the mistake is a name: the helper is defined as private_test instead of _private_test
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


def private_test():
    print('this is a private test')


if __name__ == '__main__':
    test()
