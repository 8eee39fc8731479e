# mutant-of: parallel_squares
# mistake: uses imap_unordered, so results come back in the order the workers finish

def parallel_squares(nums, workers=4):
    with Pool(workers) as pool:
        return list(pool.imap_unordered(square, nums))
