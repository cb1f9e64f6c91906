"""eventwire: news reports of political violence and protest into an evidence-backed event set."""

__version__ = "0.1.0"
