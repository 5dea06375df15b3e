"""Compute: indicators from their declarations, derived figures under disclosure control,
revisions, records and downloads, ranks, one view per indicator and the registry of chart kinds.
Imports from model and load."""
