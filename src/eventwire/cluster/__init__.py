"""Coding on a Dask cluster: inputs cut into shards, the same pipeline on each worker, results committed in
input order (``eventwire ingest/code ... --dask local|tcp://HOST:8786``)."""
