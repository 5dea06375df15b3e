"""Load: reading and checking what a build root holds (files, frictionless, our rules, packages,
geometry, the monitor catalogue, content, declarations, changelog, redirects). Imports from
model only."""
