"""Oogst: turns what a room of people produced into durable data and clean reports."""

__version__ = "0.1.0"
