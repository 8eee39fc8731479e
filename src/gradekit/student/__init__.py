"""What runs on a student's machine: the commands, the progress file, the stubs, watch mode.

Nothing is imported here, so that importing one command costs no other.
"""
