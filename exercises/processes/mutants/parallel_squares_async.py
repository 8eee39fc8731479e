# mutant-of: parallel_squares
# mistake: returns the AsyncResult objects of apply_async without calling .get()

def parallel_squares(nums, workers=4):
    with Pool(workers) as pool:
        return [pool.apply_async(square, (n,)) for n in nums]
