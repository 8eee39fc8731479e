# mutant-of: _private_test
# mistake: lists _private_test in __all__, making it public
#!/usr/bin/env python3
# -*- coding: utf-8 -*-

__all__ = ['test', '_private_test']
