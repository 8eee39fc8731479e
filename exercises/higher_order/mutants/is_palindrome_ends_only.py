# mutant-of: is_palindrome
# mistake: compares only the first and the last digit

def is_palindrome(n):
    s = str(n)
    return s[0] == s[-1]
