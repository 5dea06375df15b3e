"""Model: the words of the domain (periods, CBS symbols, Dutch number formats, problems, regions,
dates, the catalogue of packages, indicators), no I/O. Imports nothing from the other layers."""
