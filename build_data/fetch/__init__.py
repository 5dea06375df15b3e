"""The top layer: fetching from CBS StatLine and summarising what a fetch changed."""
