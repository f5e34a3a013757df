"""The one schema of the records: how each record of ``model.py`` becomes a JSON record and a store row.

Both shapes are derived from the dataclasses' fields, in the one declared order of each record kind
(``order.FIELD_ORDER``). A record's JSON object holds its fields in that order, a nested record as an object,
a tuple as a list, a date as ISO text; a store table holds one column per field, named after it, typed from
its annotation (``str`` VARCHAR, ``int`` INTEGER, ``float`` DOUBLE, ``dt.date`` DATE), a span as three columns
(``NAME_start``, ``NAME_end``, ``NAME`` its text). What this package declares is only where a shape departs
from that derivation, field by field: a field left out (with the reason), a nested record written flat, a
column taken from the analysis around the record (the article's hash, an actor's name). So a field added to
a model record reaches ``eventwire code``'s JSON record and the store table with no other edit; the GDELT
and PLOVER writers read the store's column names (``event_row``) whether they write from an analysis or
from a store. The listings' columns (``eventwire query``, the web's event rows and chart tables, ``eventwire
code --format csv``) are views declared by name in ``views``: each shows its named columns, then the ones a
new field adds, in the schema's order.
"""

from __future__ import annotations

from .order import FIELD_ORDER, field_order
from .records import JSON_SHAPES, JsonShape, json_keys, json_record, json_value, shape_of
from .tables import (
    ARTICLE_COLUMNS,
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
    "ARTICLE_COLUMNS",
    "FIELD_ORDER",
    "JSON_SHAPES",
    "RECORD_TABLES",
    "Column",
    "JsonShape",
    "RecordTable",
    "RowContext",
    "analysis_table_rows",
    "event_row",
    "field_order",
    "filled_columns",
    "json_keys",
    "json_record",
    "json_value",
    "record_columns",
    "shape_of",
    "sql_type",
    "table_columns",
    "table_row",
]
