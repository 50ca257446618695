"""Helpers shared by the record materialisers: empty records in Appendix A order, number spelling, refs."""
from __future__ import annotations

from datetime import date, datetime

from snapshot.format import COLUMNS
from snapshot.synth.clock import date_only, iso_ms
from snapshot.synth.ids import named_uuid4


def empty_record(table: str) -> dict:
    """Every key of the table, in Appendix A order, set to None (the API sends null, never drops a key)."""
    return dict.fromkeys(COLUMNS[table])


def num(value: int | float | None, float_style: bool):
    """A number in the record's style: 85 % of records spell every number as a JSON float (8.5 step 4)."""
    if value is None:
        return None
    return float(value) if float_style else int(value)


def ref(id_: str, name: str) -> dict:
    return {"id": id_, "name": name}


def pipeline_ref(pipeline: str) -> dict:
    return ref(named_uuid4("pipeline", pipeline), pipeline)


def stage_ref(pipeline: str, stage: str) -> dict:
    return ref(named_uuid4("stage", f"{pipeline}/{stage}"), stage)


def business_date(day: date | None, when: datetime | None = None) -> str | None:
    """A date-only field: the real timestamp when one was planned, else KST midnight in UTC."""
    if day is None:
        return None
    return iso_ms(when) if when is not None else date_only(day)


def put(record: dict, key: str, value) -> None:
    """Set a key that must exist in the table (a typo would otherwise add a column)."""
    if key not in record:
        raise KeyError(f"unknown column {key!r}")
    record[key] = value
