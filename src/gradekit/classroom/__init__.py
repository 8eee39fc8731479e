"""The classroom side of gradekit: what runs in a classroom's CI and in the instructor's regrade."""
