"""Output formats: each module turns a ``Result`` into text; only the CLI writes files."""
