"""Adapters between files and the core."""
