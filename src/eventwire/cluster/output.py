"""``eventwire code --dask ... -o DIR``: coded shards as partitioned Parquet, one file per table and shard.

    DIR/<table>/part-<shard>.parquet     the store's tables (articles, events, actors, mentions, quotes, places,
                                         claims, errors), rows keyed by the article's content hash
    DIR/_shards.json                     the shards written (a rerun skips them)

Each file is written beside and renamed into place, then the list of shards is rewritten: a killed run
leaves whole partitions only. Every event is kept with its confidence (filter on ``confidence`` when reading).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from ..model import Analysis
from ..schema import RECORD_TABLES

__all__ = ["PARTITION_TABLES", "PartitionWriter"]

#: one folder per table of the model's records (``schema.RECORD_TABLES``)
PARTITION_TABLES = tuple(RECORD_TABLES)
SHARDS = "_shards.json"


class PartitionWriter:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        try:
            self.done: dict[str, int] = json.loads((folder / SHARDS).read_text())
        except FileNotFoundError:
            self.done = {}

    def write(self, index: int, key: str, analyses: list[Analysis]) -> None:
        import pyarrow.parquet as pq

        from ..store.db import content_hash
        from ..store.rows import TableRows, analysis_rows
        from ..store.writer import _arrow_rows

        rows = TableRows()
        for analysis in analyses:
            analysis_rows(rows, content_hash(analysis.article), analysis, None)
        now = dt.datetime.now()
        for table in PARTITION_TABLES:
            data = _arrow_rows(table, rows.rows[table], index + 1, now)
            target = self.folder / table / f"part-{index:06d}.parquet"
            target.parent.mkdir(exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            pq.write_table(data, tmp, compression="zstd")
            os.replace(tmp, target)
        self.done[key] = index
        tmp = self.folder / f".{SHARDS}.tmp"
        tmp.write_text(json.dumps(self.done, indent=1))
        os.replace(tmp, self.folder / SHARDS)
