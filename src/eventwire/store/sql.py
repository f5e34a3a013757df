"""User SQL, parsed and sandboxed: ``query --sql`` and ``export --where``.

- ``query --sql`` must parse (DuckDB's own parser, not a word list) as exactly one SELECT statement
  (``WITH``, ``DESCRIBE``, ``SHOW``, ``SUMMARIZE`` are SELECTs too), and it runs on a read-only connection
  with external access off and no extension loading, so it can read no file but the store and reach no
  network, whatever it says.
- ``export --where`` is parsed into DuckDB's syntax tree inside the export's own SELECT; anything but one
  plain condition (a second statement, a subquery, ORDER BY/LIMIT/UNION smuggled after it) is refused,
  and the statement that runs is rebuilt from the tree, never from the user's text. It too runs with
  external access off; only the export's own temporary file may be written.
- A parse or run error is a :class:`ConfigError` with DuckDB's message (exit 2), never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from ..errors import ConfigError

__all__ = ["check_select", "is_select", "lock_down", "open_sandboxed", "rebuilt_where_query", "run_select"]

_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
_PLAIN = duckdb.connect(config=dict(_CONFIG))  # parses only: never reads or writes anything


def lock_down(con: duckdb.DuckDBPyConnection, allowed: list[str] | None = None) -> None:
    """Turn external access off for good on ``con``'s database (only the folders in ``allowed`` stay
    reachable: the store's own, and an export's temporary folder)."""
    locked = con.execute("SELECT current_setting('lock_configuration')").fetchone()
    if locked and locked[0]:
        return
    if allowed:
        con.execute(f"SET allowed_directories = [{', '.join(_quote(d) for d in allowed)}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def open_sandboxed(
    path: str | Path, writable_dir: str | None = None, settings: dict[str, str | int | bool] | None = None
) -> duckdb.DuckDBPyConnection:
    """A connection to the store's views (the catalog of its latest manifest) that can touch no other file
    (but those in ``writable_dir``) and no network; ``settings``: more DuckDB settings, fixed before the
    configuration is locked."""
    from .catalog import open_catalog

    return open_catalog(path, writable_dir=writable_dir, settings=settings).con


def is_select(sql: str) -> bool:
    """Whether ``sql`` parses as exactly one SELECT statement."""
    try:
        statements = _PLAIN.extract_statements(sql)
    except duckdb.Error:
        return False
    return len(statements) == 1 and statements[0].type == duckdb.StatementType.SELECT


def check_select(sql: str, option: str = "--sql") -> None:
    """Raise :class:`ConfigError` unless ``sql`` is one SELECT statement (the message says why)."""
    try:
        statements = _PLAIN.extract_statements(sql)
    except duckdb.Error as exc:
        raise ConfigError(f"{option}: the SQL does not parse: {_first_line(exc)}") from exc
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        kinds = ", ".join(s.type.name for s in statements) or "nothing"
        raise ConfigError(
            f"{option}: only one read-only query (SELECT / WITH / DESCRIBE / SHOW / SUMMARIZE) is allowed, not {kinds}"
        )


def run_select(path: str | Path, sql: str, con: duckdb.DuckDBPyConnection | None = None) -> list[dict[str, Any]]:
    """Rows of one SELECT over the store, on a sandboxed connection (``con``, locked down first, when given)."""
    check_select(sql)
    own = con is None
    if con is None:
        con = open_sandboxed(path)
    else:
        lock_down(con)
    try:
        cur = con.execute(sql)
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    except duckdb.Error as exc:
        raise ConfigError(f"--sql: {_first_line(exc)}") from exc
    finally:
        if own:
            con.close()


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _tree(sql: str, option: str) -> dict[str, Any]:
    found = _PLAIN.execute("SELECT json_serialize_sql(?)", [sql]).fetchone()
    tree: dict[str, Any] = json.loads(found[0]) if found else {"error": True}
    if tree.get("error"):
        raise ConfigError(f"{option}: not a condition DuckDB can parse: {tree.get('error_message', 'unknown')}")
    return tree


def _without(node: Any, drop: frozenset[str]) -> Any:
    """``node`` without the keys in ``drop`` and without source positions, at every depth."""
    if isinstance(node, dict):
        return {k: _without(v, drop) for k, v in node.items() if k not in drop and not k.startswith("query_location")}
    if isinstance(node, list):
        return [_without(v, drop) for v in node]
    return node


def _has_subquery(node: Any) -> bool:
    if isinstance(node, dict):
        if node.get("class") == "SUBQUERY" or "subquery" in node:
            return True
        return any(_has_subquery(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_subquery(v) for v in node)
    return False


def rebuilt_where_query(base: str, condition: str, order_by: str, option: str = "--where") -> str:
    """``base WHERE condition ORDER BY order_by``, rebuilt from DuckDB's syntax tree.

    ``condition`` must be one expression over the columns of ``base`` (a SELECT without WHERE): the
    statement parsed with it must equal ``base WHERE TRUE`` in everything but the condition, and the
    condition may hold no subquery.
    """
    user = _tree(f"{base} WHERE {condition}", option)
    plain = _tree(f"{base} WHERE TRUE", option)
    ordered = _tree(f"{base} WHERE TRUE ORDER BY {order_by}", option)
    drop = frozenset({"where_clause"})
    if len(user["statements"]) != 1 or _without(user, drop) != _without(plain, drop):
        raise ConfigError(
            f"{option} {condition!r}: give one condition over the events columns, e.g. \"root = '14'\" "
            "(no second statement, ORDER BY, LIMIT or UNION)"
        )
    where = user["statements"][0]["node"]["where_clause"]
    if _has_subquery(where):
        raise ConfigError(f"{option} {condition!r}: subqueries are not allowed in the condition")
    ordered["statements"][0]["node"]["where_clause"] = where
    found = _PLAIN.execute("SELECT json_deserialize_sql(?)", [json.dumps(ordered)]).fetchone()
    if not found or not found[0]:
        raise ConfigError(f"{option} {condition!r}: cannot be used as a condition")
    return str(found[0])
