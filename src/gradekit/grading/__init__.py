"""The trusted side of grading (DESIGN §10): what runs next to the graders, never next to student code.

Modules move here as the layout of §10 is reached; new ones start here.
"""
