"""The core: sheet model, numbers, validation and attainment. No Excel, Word or files here."""
