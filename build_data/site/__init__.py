"""Site: the build as a whole (validate, build in memory, lift, atomic writes and zips, the Vega
bundle check, the MkDocs glue, the command line). Imports from every layer."""
