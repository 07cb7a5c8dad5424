"""framing: measure how news outlets frame the same story."""

__version__ = "0.1.0"
