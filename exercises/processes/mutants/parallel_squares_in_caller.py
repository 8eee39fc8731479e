# mutant-of: parallel_squares
# mistake: opens a Pool but squares the numbers itself in the calling process

def parallel_squares(nums, workers=4):
    with Pool(workers) as pool:
        return [square(n) for n in nums]
