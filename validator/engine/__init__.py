"""One run of the pipeline: which files, the per-file stage (in workers when there are many),
the dataset, the rules and waivers; and `--changed`, the files a git change touches."""

from validator.engine.run import Result, Selection, root_relative, validate

__all__ = ["Result", "Selection", "root_relative", "validate"]
