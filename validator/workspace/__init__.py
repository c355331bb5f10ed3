"""Where the dataset lives: the repository root and its settings, the record folders and the
files in them, and writing a file whole. Nothing here reads a record's content."""
