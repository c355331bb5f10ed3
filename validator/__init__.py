"""factcheck: a validator for a dataset of figures from the news, and their verdicts."""

__version__ = "0.1.0"
