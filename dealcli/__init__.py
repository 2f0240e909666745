"""deal: explore and compare state-backed investment deals."""

__version__ = "0.1.0"
