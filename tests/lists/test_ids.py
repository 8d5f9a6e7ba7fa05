"""The address form of a list: short, forgiving, capped."""

from __future__ import annotations

import uuid

from directory.lists import ids


def _some(count: int) -> list[str]:
    return [str(uuid.uuid4()) for _ in range(count)]


def test_ids_round_trip_in_22_url_safe_characters() -> None:
    service_ids = _some(5)
    written = ids.write(service_ids)
    assert all(len(part) == 22 for part in written.split("."))
    assert set(written) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
    assert ids.read(written).ids == tuple(service_ids)


def test_full_ids_are_read_too_and_repeats_dropped() -> None:
    one, two = _some(2)
    read = ids.read(f"{one}.{ids.short_id(two)}.{ids.short_id(one)}")
    assert read.ids == (one, two)
    assert read.unreadable == 0


def test_anything_else_is_dropped_and_counted() -> None:
    (one,) = _some(1)
    read = ids.read(f"junk.{one.upper()}.{ids.short_id(one)}..!!!!!!!!!!!!!!!!!!!!!!.{'a' * 36}")
    assert read.ids == (one,)  # written in capitals it is the same id
    assert read.unreadable == 3


def test_only_the_first_thirty_are_kept() -> None:
    service_ids = _some(ids.MAX_ITEMS + 3)
    read = ids.read(".".join(ids.short_id(one) for one in service_ids))
    assert read.ids == tuple(service_ids[: ids.MAX_ITEMS])
    assert read.over_limit == 3
    assert ids.read(ids.write(service_ids)).ids == tuple(service_ids[: ids.MAX_ITEMS])


def test_huge_input_costs_nothing_and_reads_as_nothing() -> None:
    assert ids.read("x" * 1_000_000) == ids.ReadList((), unreadable=1)
    assert ids.read(None) == ids.ReadList(())
    assert ids.read("") == ids.ReadList(())
