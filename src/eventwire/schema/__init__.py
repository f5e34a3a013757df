"""The one schema of the records: how each record of ``model.py`` becomes a JSON record and a store row.

Both shapes are derived from the dataclasses' fields. A record's JSON object holds its fields in their
order, a nested record as an object, a tuple as a list, a date as ISO text; a store table holds one
column per field, named after it, typed from its annotation (``str`` VARCHAR, ``int`` INTEGER, ``float``
DOUBLE, ``dt.date`` DATE), a span as three columns (``NAME_start``, ``NAME_end``, ``NAME`` its text).
What this module declares is only where a shape departs from that derivation, field by field: a key order
kept from the first release, a field left out (with the reason), a nested record written flat, a column
taken from the analysis around the record (the article's hash, an actor's name). So a field added to a
model record reaches ``eventwire code``'s JSON record and the store table with no other edit; the GDELT
and PLOVER writers read the store's column names (``event_row``) whether they write from an analysis or
from a store.
"""

from __future__ import annotations

from .records import JSON_SHAPES, JsonShape, json_record, json_value, shape_of
from .tables import (
    RECORD_TABLES,
    Column,
    RecordTable,
    RowContext,
    analysis_table_rows,
    event_row,
    filled_columns,
    record_columns,
    sql_type,
    table_columns,
    table_row,
)

__all__ = [
    "JSON_SHAPES",
    "RECORD_TABLES",
    "Column",
    "JsonShape",
    "RecordTable",
    "RowContext",
    "analysis_table_rows",
    "event_row",
    "filled_columns",
    "json_record",
    "json_value",
    "record_columns",
    "shape_of",
    "sql_type",
    "table_columns",
    "table_row",
]
