# mutant-of: Gender
# mistake: uses the functional API, so the values are 1 and 2 instead of 0 and 1

Gender = Enum('Gender', ('Male', 'Female'))
