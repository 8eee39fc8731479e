# mutant-of: test
# mistake: forgets that sys.argv[0] is the script name, so the argument count is off by one
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

def test():
    args = sys.argv
    if len(args) == 0:
        print('hello world')
    elif len(args) == 1:
        print(f'hello, {args[0]}!')
    else:
        print('too many arguments!')
