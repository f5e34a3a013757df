"""The active-knowledge slot: a value per running pipeline, restored on leaving, separate per thread."""

from __future__ import annotations

import threading

import pytest

from eventwire.active import Active


def test_outside_any_block_nothing_is_active() -> None:
    assert Active[str]("t-none").get() is None


@pytest.mark.parametrize(("outer", "inner"), [("a", "b"), ("x", "x")])
def test_nested_blocks_restore_the_outer_value(outer: str, inner: str) -> None:
    slot: Active[str] = Active("t-nested")
    with slot.using(outer):
        with slot.using(inner) as got:
            assert got == inner and slot.get() == inner
        assert slot.get() == outer
    assert slot.get() is None


def test_the_value_is_restored_when_the_block_raises() -> None:
    slot: Active[str] = Active("t-raise")
    with pytest.raises(RuntimeError), slot.using("mine"):
        raise RuntimeError("boom")
    assert slot.get() is None


def test_each_thread_sees_its_own_value() -> None:
    slot: Active[str] = Active("t-threads")
    seen: dict[str, str | None] = {}
    barrier = threading.Barrier(2)

    def run(name: str) -> None:
        with slot.using(name):
            barrier.wait()  # both threads are inside their blocks at once
            seen[name] = slot.get()

    threads = [threading.Thread(target=run, args=(n,)) for n in ("one", "two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {"one": "one", "two": "two"}
