# mutant-of: is_palindrome
# mistake: compares the reversed string with the number itself, which is never equal

def is_palindrome(n):
    return str(n)[::-1] == n
