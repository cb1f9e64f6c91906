"""eventwire: news reports of political violence and protest into an evidence-backed event dataset."""

__version__ = "0.1.0"
