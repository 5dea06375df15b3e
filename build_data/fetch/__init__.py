"""The fetcher of CBS StatLine (top layer: may import every other layer).

odata (HTTP: metadata from the ODataApi, data from the ODataFeed, the catalogue), tables (which
tables, and the codes this project translates), convert (one table's metadata and rows into the
package format, every completeness check), gebieden (municipalities and their Veilig Thuis region
per year, from CBS 'Gebieden in Nederland <jaar>'), package (the files of both data packages and
their validation), cli (scripts/fetch_statline.py)."""
