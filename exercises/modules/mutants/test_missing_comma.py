# mutant-of: test
# mistake: prints 'hello NAME!' without the comma
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

def test():
    args = sys.argv
    if len(args) == 1:
        print('hello world')
    elif len(args) == 2:
        print(f'hello {args[1]}!')
    else:
        print('too many arguments!')
