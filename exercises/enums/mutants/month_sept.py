# mutant-of: Month
# mistake: spells September 'Sept' instead of the given 'Sep'

Month = Enum('Month', ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'))
