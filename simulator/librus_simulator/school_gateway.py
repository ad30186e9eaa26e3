"""The gateway rendering: one table row per school-year resource, in the gateway's envelope.

    status, body = answer(year, "Timetables", {"weekStart": "2026-11-30"})

`SCHOOL_RESOURCES` lists every data path the school year answers: its step name (fault
injection, the request log), its path, the envelope key, the shape of what goes in it
(`school_shapes.py`) and its links. A row with `by_id` also answers `<path>/<id>[,<id>…]`.

Pure: no I/O, no clock, no aiohttp.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from . import school_shapes as shapes
from .envelope import JsonObject, api_url, envelope, error_body
from .school_calendar import monday
from .school_catalogue import SLOTS_PER_DAY
from .school_year import SchoolYear

type Json = JsonObject
type Reply = tuple[int, Json]
type Render = Callable[[SchoolYear], Any]


def not_found(path: str) -> Reply:
    return 404, error_body("NotFound", "Nieprawidłowy węzeł.", path)


def _users_pagination(year: SchoolYear, items: list[Json]) -> Json:
    return {"pagination": {"limit": len(items), "page": 1, "total": len(items)}}


TIMETABLE_LINKS: Final = (
    "Timetables/IndividualLearningPath",
    "Timetables/OneToOneLearningPlan",
    "Timetables/OtherActivitiesRegister",
)


def _week_start(query: Mapping[str, str], today: date) -> date | None:
    """The Monday of `weekStart` (unpadded dates work too), today's without it, None if bad."""
    raw = query.get("weekStart")
    if raw is None:
        return monday(today)
    try:
        y, m, d = (int(part) for part in raw.split("-"))
        return monday(date(y, m, d))
    except ValueError:
        return None


def timetables(year: SchoolYear, query: Mapping[str, str]) -> Reply:
    week_start = _week_start(query, year.today)
    if week_start is None:
        return 400, error_body("InvalidRequest", "Invalid weekStart", "Timetables")
    days: Json = {}
    for offset in range(7):
        day = week_start + timedelta(days=offset)
        slots: list[list[Json]] = [[] for _ in range(SLOTS_PER_DAY)]
        for lesson in year.timetable_day(day):
            slots[lesson.number].append(shapes.timetable_lesson(year, lesson))
        days[shapes.iso_day(day)] = slots
    pages = {
        "Next": api_url(f"Timetables?weekStart={shapes.iso_day(week_start + timedelta(days=7))}"),
        "Prev": api_url(f"Timetables?weekStart={shapes.iso_day(week_start - timedelta(days=7))}"),
    }
    return 200, envelope(
        "Timetable",
        days,
        "Timetables",
        resources=_links(TIMETABLE_LINKS),
        extra={"Pages": pages},
    )


# --------------------------------------------------------------------------------------------
# The table


@dataclass(frozen=True, slots=True)
class SchoolResource:
    """One gateway data path: `{key: render(year), [extra], "Resources": …, "Url": path}`.

    `links` are the sub-resources listed under `Resources` (before the `..` link to
    `parent`). With `by_id` (the singular key) the row also answers `<path>/{ids}` from
    `items` (default: `render`). `reply` replaces the envelope for paths that read the query.
    """

    step: str
    path: str
    key: str
    render: Render | None = None
    links: tuple[str, ...] = ()
    parent: str = "Root"
    by_id: str | None = None
    items: Render | None = None
    extra: Callable[[SchoolYear, Any], Json] | None = None
    reply: Callable[[SchoolYear, Mapping[str, str]], Reply] | None = None

    def __post_init__(self) -> None:
        if (self.render is None) == (self.reply is None):
            raise ValueError(f"{self.path}: give either render or reply")

    def answer(self, year: SchoolYear, query: Mapping[str, str]) -> Reply:
        if self.reply is not None:
            return self.reply(year, query)
        assert self.render is not None
        value = self.render(year)
        extra = self.extra(year, value) if self.extra is not None else None
        body = envelope(
            self.key,
            value,
            self.path,
            resources=_links(self.links),
            parent=self.parent,
            extra=extra,
        )
        return 200, body

    def answer_ids(self, year: SchoolYear, path: str, ids: str) -> Reply:
        """`<path>/<id>` (one item, 404 if unknown) or `<path>/<id>,<id>…` (those found)."""
        assert self.by_id is not None
        wanted = [part.strip() for part in ids.split(",") if part.strip()]
        items = self.items or self.render
        assert items is not None
        found = {str(item["Id"]): item for item in items(year)}
        if len(wanted) == 1:
            item = found.get(wanted[0])
            if item is None:  # e.g. Users/{Me.Account.Id} is a 404 on the real gateway
                return not_found(path)
            return 200, envelope(self.by_id, item, path, parent=self.path)
        listed = [found[i] for i in wanted if i in found]
        return 200, envelope(self.key, listed, path, parent=self.path)


def _links(paths: tuple[str, ...]) -> dict[str, str]:
    return {path.replace("/", "\\"): path for path in paths}


R = SchoolResource
SCHOOL_RESOURCES: Final[tuple[SchoolResource, ...]] = (
    # step, path, envelope key, shape, then the links, the parent, `{ids}` and extras
    R("user_profile", "UserProfile", "UserProfile", shapes.user_profile),
    R("classes", "Classes", "Class", shapes.school_class, ("Classes/CrossedOutStudents",)),
    R("schools", "Schools", "School", shapes.school),
    R("users", "Users", "Users", shapes.staff, ("Users/CrossedOutStudents",),
      by_id="User", items=shapes.users, extra=_users_pagination),
    R("subjects", "Subjects", "Subjects", shapes.subjects, by_id="Subject"),
    R("lessons", "Lessons", "Lessons", shapes.lessons, by_id="Lesson"),
    R("classrooms", "Classrooms", "Classrooms", shapes.classrooms, by_id="Classroom"),
    R("colors", "Colors", "Colors", shapes.colors),
    R("lucky_numbers", "LuckyNumbers", "LuckyNumber", shapes.lucky_number),
    R("grades", "Grades", "Grades", shapes.grades,
      ("Grades/Averages", "Grades/Categories", "Grades/Comments", "Grades/Types")),
    R("grade_categories", "Grades/Categories", "Categories", shapes.grade_categories,
      parent="Grades", by_id="Category"),
    R("grade_comments", "Grades/Comments", "Comments", shapes.grade_comments,
      parent="Grades", by_id="Comment"),
    R("attendances", "Attendances", "Attendances", shapes.attendances,
      ("Attendances/Types", "Attendances/LessonsStatistics", "Attendances/FilledByTeacher")),
    R("attendance_types", "Attendances/Types", "Types", shapes.attendance_types,
      parent="Attendances"),
    R("timetables", "Timetables", "Timetable", reply=timetables),
    R("homeworks", "HomeWorks", "HomeWorks", shapes.agenda, ("HomeWorks/Categories",)),
    R("homework_categories", "HomeWorks/Categories", "Categories", shapes.agenda_categories,
      parent="HomeWorks"),
    R("homework_assignments", "HomeWorkAssignments", "HomeWorkAssignments", shapes.assignments,
      ("HomeWorkAssignments/Attachment",)),
    R("school_notices", "SchoolNotices", "SchoolNotices", shapes.notices),
    R("school_free_days", "SchoolFreeDays", "SchoolFreeDays", shapes.school_free_days),
    R("class_free_days", "ClassFreeDays", "ClassFreeDays", shapes.class_free_days),
    R("notes", "Notes", "Notes", shapes.notes, ("Notes/Categories",)),
    R("note_categories", "Notes/Categories", "Categories", shapes.note_categories,
      parent="Notes"),
    R("behaviour_points", "BehaviourGrades/Points", "Grades", shapes.behaviour_points,
      ("BehaviourGrades/Points/Comments",), parent="BehaviourGrades"),
    R("behaviour_point_comments", "BehaviourGrades/Points/Comments", "Comments",
      shapes.behaviour_comments, parent="BehaviourGrades/Points"),
    R("behaviour_types", "BehaviourGrades/Types", "Types", shapes.behaviour_types,
      parent="BehaviourGrades"),
)  # fmt: skip
_BY_PATH: Final = {resource.path: resource for resource in SCHOOL_RESOURCES}

# (step name, gateway path pattern) of every path `answer` serves; `{ids}` is one id or a
# comma-separated list. `Me` is served elsewhere.
RESOURCE_PATTERNS: Final[tuple[tuple[str, str], ...]] = tuple(
    pair
    for resource in SCHOOL_RESOURCES
    for pair in (
        (resource.step, resource.path),
        *(((resource.step, f"{resource.path}/{{ids}}"),) if resource.by_id else ()),
    )
)


def answer(year: SchoolYear, path: str, query: Mapping[str, str]) -> Reply:
    """Answer a gateway data path (below `/gateway/api/2.0/`) as `(status, body)`."""
    path = path.strip("/")
    resource = _BY_PATH.get(path)
    if resource is not None:
        return resource.answer(year, query)
    head, _, ids = path.rpartition("/")
    resource = _BY_PATH.get(head)
    if resource is not None and resource.by_id is not None and ids:
        return resource.answer_ids(year, path, ids)
    return not_found(path)
