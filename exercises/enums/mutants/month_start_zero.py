# mutant-of: Month
# mistake: numbers the months from 0 (start=0), so Month.Jan.value is 0

Month = Enum('Month', MONTH_NAMES, start=0)
