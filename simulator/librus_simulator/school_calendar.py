"""The calendar of a Polish school year: its bounds, semesters, free days and school days.

The year runs from 1 September (or the Monday after a weekend 1 September) to the first
Friday after 20 June, split into two semesters at the last Friday of January, with Polish
public holidays, a Christmas break, two weeks of winter holidays (right after the first
semester) and the Easter break as free days. 2026/27 is built for any `today` from July 2026
to August 2027 (the summer before it included); for other dates, the September–August
school year containing `today`.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .school_catalogue import PROJECT_SCHOOL_YEAR, WEEK_PLAN


@dataclass(frozen=True, slots=True)
class FreeDay:
    """A school or class free day (or span of days)."""

    id: int
    name: str
    date_from: date
    date_to: date

    def covers(self, day: date) -> bool:
        return self.date_from <= day <= self.date_to


def easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def monday(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def school_free_days(start_year: int, end_first_semester: date) -> tuple[FreeDay, ...]:
    """Public holidays and breaks of a Polish school year starting in `start_year`."""
    y, n = start_year, start_year + 1
    sunday = easter(n)
    winter_start = end_first_semester + timedelta(days=(7 - end_first_semester.weekday()))
    spans = (
        ("Dzień Edukacji Narodowej", date(y, 10, 14), date(y, 10, 14)),
        ("Wszystkich Świętych", date(y, 11, 1), date(y, 11, 1)),
        ("Narodowe Święto Niepodległości", date(y, 11, 11), date(y, 11, 11)),
        ("Zimowa przerwa świąteczna", date(y, 12, 23), date(y, 12, 31)),
        ("Nowy Rok", date(n, 1, 1), date(n, 1, 1)),
        ("Święto Trzech Króli", date(n, 1, 6), date(n, 1, 6)),
        ("Ferie zimowe", winter_start, winter_start + timedelta(days=13)),
        ("Wiosenna przerwa świąteczna", sunday - timedelta(days=3), sunday + timedelta(days=2)),
        ("Święto Pracy i Konstytucji 3 Maja", date(n, 5, 1), date(n, 5, 3)),
        ("Boże Ciało", sunday + timedelta(days=60), sunday + timedelta(days=61)),
    )
    return tuple(
        FreeDay(4101 + index, name, start, end) for index, (name, start, end) in enumerate(spans)
    )


def school_year_start(today: date) -> int:
    """2026 from July 2026 to August 2027; otherwise the September–August year of `today`."""
    if date(PROJECT_SCHOOL_YEAR, 7, 1) <= today <= date(PROJECT_SCHOOL_YEAR + 1, 8, 31):
        return PROJECT_SCHOOL_YEAR
    return today.year if today.month >= 9 else today.year - 1


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """The school year that contains (or is nearest to) a given day."""

    start_year: int
    begin: date
    end: date
    end_first_semester: date
    free_days: tuple[FreeDay, ...]
    school_days: tuple[date, ...]
    _school_day_set: frozenset[date] = field(repr=False)

    @classmethod
    def around(cls, today: date) -> SchoolCalendar:
        start_year = school_year_start(today)
        begin = date(start_year, 9, 1)
        while begin.weekday() >= 5:  # a weekend 1 September moves to Monday
            begin += timedelta(days=1)
        end = date(start_year + 1, 6, 21)
        while end.weekday() != 4:  # the first Friday after 20 June
            end += timedelta(days=1)
        last_january = date(start_year + 1, 1, 31)
        end_first_semester = last_january - timedelta(days=(last_january.weekday() - 4) % 7)
        free_days = school_free_days(start_year, end_first_semester)
        school_days = tuple(
            day
            for day in (begin + timedelta(days=n) for n in range((end - begin).days + 1))
            if day.weekday() < 5 and not any(free.covers(day) for free in free_days)
        )
        return cls(
            start_year,
            begin,
            end,
            end_first_semester,
            free_days,
            school_days,
            frozenset(school_days),
        )

    def is_school_day(self, day: date) -> bool:
        """A weekday of the school year that is not a school free day."""
        return day in self._school_day_set

    def next_school_day(self, day: date, *, include: bool = False) -> date | None:
        """The first school day after `day` (or on it, with `include`)."""
        for candidate in self.school_days:
            if candidate > day or (include and candidate == day):
                return candidate
        return None

    def previous_school_days(self, day: date, count: int) -> list[date]:
        """Up to `count` school days on or before `day`, newest first."""
        return [d for d in reversed(self.school_days) if d <= day][:count]

    def semester_of(self, day: date) -> int:
        return 1 if day <= self.end_first_semester else 2

    def clamp(self, day: date) -> date:
        """`day` moved into the school year (its first or last day)."""
        return min(max(day, self.begin), self.end)


def plan_of(day: date) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The weekly plan's slots of `day`'s weekday: (lesson number, lesson keys)."""
    return WEEK_PLAN.get(day.isoweekday(), ())


def lesson_days(lesson_key: str, days: Iterable[date]) -> list[tuple[date, int]]:
    """(day, lesson number) of every `lesson_key` lesson of the weekly plan on `days`."""
    return [(day, number) for day in days for number, keys in plan_of(day) if lesson_key in keys]
