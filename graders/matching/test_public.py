"""Public checks for matching: the notes' examples, and that both functions use match."""

import ast

from gradekit.grader import call, exercise, points, public
from gradekit.grader.structure import require_node


@exercise("gcc")
class TestGcc:
    @public
    @points(1)
    def test_missing_source(self, matching):
        call(matching.gcc, ['gcc']).returns('gcc: missing source file(s).')

    @public
    @points(2)
    def test_compile_two_files(self, matching):
        call(matching.gcc, ['gcc', 'hello.c', 'world.c']).returns('gcc compile: hello.c, world.c')

    @public
    @points(1)
    def test_compile_one_file(self, matching):
        # The statement's boxed correction of the notes: one file, no trailing ", ".
        call(matching.gcc, ['gcc', 'main.c']).returns('gcc compile: main.c')

    @public
    @points(1)
    def test_clean_and_invalid(self, matching):
        call(matching.gcc, ['clean']).returns('clean')
        call(matching.gcc, ['make']).returns('invalid command.')

    @public
    @points(1)
    def test_uses_match(self, student_file):
        require_node(student_file, ast.Match, within="gcc",
                     zh="gcc 里要用 match 语句（match args: case [...]:），不要用 if/elif",
                     en="gcc must use a match statement (match args: case [...]:), not if/elif")


@exercise("score_comment")
class TestScoreComment:
    @public
    @points(2)
    def test_notes_examples(self, matching):
        call(matching.score_comment, 5).returns('score is less than 10.')
        call(matching.score_comment, 15).returns('score is 15.')
        call(matching.score_comment, 11).returns('score is 11 or 22.')
        call(matching.score_comment, 75).returns('score is greater than 60 and less than 100.')
        call(matching.score_comment, 200).returns('score is other.')

    @public
    @points(1)
    def test_uses_match(self, student_file):
        require_node(student_file, ast.Match, within="score_comment",
                     zh="score_comment 里要用 match 语句（match score: case ...:），不要用 if/elif",
                     en="score_comment must use a match statement (match score: case ...:), not if/elif")
