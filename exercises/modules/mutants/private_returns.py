# mutant-of: _private_test
# mistake: returns the text instead of printing it
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

def _private_test():
    return 'this is a private test'
