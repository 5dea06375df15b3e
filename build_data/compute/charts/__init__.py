"""The registry of chart kinds."""

KINDS = {"regio-vergelijking", "halfjaar-reeks", "categorieen", "kerncijfer", "cohort", "populaties", "aandelen"}
