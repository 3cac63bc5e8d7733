"""correspondence-guard: checks council correspondence against Member/Officer protocols."""

__version__ = "0.1.0"
