"""The gateway shapes of a `SchoolYear`: each resource's items as Librus writes them.

One function per resource, `(year) -> items` (or the one value of `UserProfile`, `Classes`,
`Schools`, `LuckyNumbers`), and `timetable_lesson` for one lesson of `Timetables`. The shapes
and quirks are the real ones (`librus-api.md` §3; `../reference/responses/`): ids as strings
in `Timetables`, `Weight` absent from categories that do not count, optional flags present
only when true, the `2.0//Colors` double slash, etc. `school_gateway.py` puts them in the
envelope.

Pure: no I/O, no clock, no aiohttp.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time

from .envelope import JsonObject, api_url
from .school_catalogue import (
    AGENDA_CATEGORIES,
    ATTENDANCE_TYPES,
    BEHAVIOUR_TYPES,
    CLASS_NUMBER,
    CLASS_SYMBOL,
    CLASSROOM_BY_ID,
    CLASSROOMS,
    COLORS,
    GRADE_CATEGORIES,
    LESSON_HOURS,
    LESSONS,
    NOTE_CATEGORIES,
    SCHOOL,
    STAFF,
    STAFF_BY_ID,
    SUBJECT_BY_KEY,
    SUBJECTS,
    TIMETABLE_ENTRY_BASE,
    TUTOR_ID,
    TYPE_TRIP,
    UNIT_ID,
)
from .school_records import TimetableLesson
from .school_year import SchoolYear

type Json = JsonObject


def ref(kind: str, ident: int | str) -> Json:
    """`{"Id": …, "Url": "https://api.librus.pl/2.0/<kind>/<id>"}`."""
    return {"Id": ident, "Url": api_url(f"{kind}/{ident}")}


def iso_day(value: date) -> str:
    return value.isoformat()


def _stamp(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _clock(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M:%S")


# --------------------------------------------------------------------------------------------
# The school, its people and its catalogue


def user_profile(year: SchoolYear) -> Json:
    return {
        "ClassNumber": CLASS_NUMBER,
        "AccountType": year.account_kind,
        "Town": SCHOOL.town,
        "State": SCHOOL.state,  # no "WOJ." prefix here, unlike Schools
        "UnitType": SCHOOL.unit_type,
    }


def school_class(year: SchoolYear) -> Json:
    cal = year.calendar
    return {
        "Id": year.class_id,
        "Number": CLASS_NUMBER,
        "Symbol": CLASS_SYMBOL,
        "BeginSchoolYear": iso_day(cal.begin),
        "EndFirstSemester": iso_day(cal.end_first_semester),
        "EndSchoolYear": iso_day(cal.end),
        "Unit": ref("Units", UNIT_ID),
        "ClassTutor": ref("Users", TUTOR_ID),
        "ClassTutors": [ref("Users", TUTOR_ID)],
    }


def _lessons_range() -> list[Json]:
    ranges: list[Json] = []
    for hours in LESSON_HOURS:
        if hours is None:
            ranges.append({"From": None, "To": None, "RawFrom": None, "RawTo": None})
            continue
        start, end = (time.fromisoformat(h) for h in hours)
        ranges.append(
            {
                "From": hours[0],
                "To": hours[1],
                "RawFrom": start.hour * 60 + start.minute,
                "RawTo": end.hour * 60 + end.minute,
            }
        )
    return ranges


def school(year: SchoolYear) -> Json:
    return {
        "Id": year.school_id,
        "Name": SCHOOL.name,
        "Town": SCHOOL.town,
        "Street": SCHOOL.street,
        "State": f"WOJ. {SCHOOL.state}",
        "BuildingNumber": SCHOOL.building_number,
        "ApartmentNumber": "",
        "LessonsRange": _lessons_range(),
        "SchoolYear": year.calendar.start_year,
        "VocationalSchool": 0,
        "NameHeadTeacher": SCHOOL.head_teacher[0],
        "SurnameHeadTeacher": SCHOOL.head_teacher[1],
        "Project": 0,
        "PostCode": SCHOOL.post_code,
        "Service": {
            "IsSynergy": True,
            "Url": SCHOOL.service_url,
            "Variant": {"Name": SCHOOL.variant, "DisplayName": SCHOOL.variant},
        },
        "Email": SCHOOL.email,
        "PhoneNumber": SCHOOL.phone,
    }


def staff(year: SchoolYear) -> list[Json]:
    items = []
    for member in STAFF:
        digest = hashlib.sha256(f"{year.school_id}:{member.id}".encode()).hexdigest()
        item: Json = {
            "Id": member.id,
            "AccountId": f"LID-AUTH-USER-{year.school_id}-{digest[:20].upper()}",
            "AccountNumericIdentifier": member.id + 1390436,
            "FirstName": member.first_name,  # null for role accounts
            "LastName": member.last_name,
        }
        if member.is_administrator:  # optional flags are present only when true
            item["IsSchoolAdministrator"] = True
        if member.is_pedagogue:
            item["IsPedagogue"] = True
        item["IsEmployee"] = True
        item["GroupId"] = member.group_id
        items.append(item)
    return items


def student(year: SchoolYear) -> Json:
    digest = hashlib.sha256(f"{year.key}:student".encode()).hexdigest()
    return {
        "Id": year.student_user_id,
        "AccountId": f"LID-AUTH-USER-{year.school_id}-{digest[:20].upper()}",
        "AccountNumericIdentifier": year.student_user_id + 1390436,
        "FirstName": year.student[0],
        "LastName": year.student[1],
        "Class": {**ref("Classes", year.class_id), "UUID": digest[20:56]},
        "Unit": ref("Units", UNIT_ID),
        "ClassRegisterNumber": year.register_number,
        "IsEmployee": False,
        "GroupId": 8,
    }


def users(year: SchoolYear) -> list[Json]:
    """Everyone `Users/{ids}` finds: the staff (the `Users` list) and the student."""
    return [*staff(year), student(year)]


def subjects(_year: SchoolYear) -> list[Json]:
    return [
        {
            "Id": subject.id,
            "Name": subject.name,
            "No": subject.no,
            "Short": subject.short,
            "IsExtracurricular": False,
            "IsBlockLesson": False,
        }
        for subject in SUBJECTS
    ]


def lessons(year: SchoolYear) -> list[Json]:
    items = []
    for lesson in LESSONS:
        item: Json = {
            "Id": lesson.id,
            "Teacher": ref("Users", lesson.teacher_id),
            "Subject": ref("Subjects", SUBJECT_BY_KEY[lesson.subject].id),
        }
        if lesson.virtual_class is None:  # group lessons come without Class
            item["Class"] = ref("Classes", year.class_id)
        items.append(item)
    return items


def classrooms(_year: SchoolYear) -> list[Json]:
    items = []
    for index, (ident, name, symbol, common) in enumerate(CLASSROOMS):
        item: Json = {
            "Id": ident,
            "Name": name,
            "Symbol": symbol,
            "Size": 0,
            "SchoolCommonRoom": common,
        }
        if index % 3 == 0:  # Description only on some rooms
            item["Description"] = ""
        items.append(item)
    return items


def colors(_year: SchoolYear) -> list[Json]:
    return [{"Id": i, "RGB": rgb, "Name": name} for i, rgb, name in COLORS]


def grade_categories(_year: SchoolYear) -> list[Json]:
    items = []
    for ident, name, short, weight, counts, color, flag in GRADE_CATEGORIES:
        item: Json = {
            "Id": ident,
            "Color": ref("Colors", color),
            "Name": name,
            "AdultsExtramural": False,
            "AdultsDaily": False,
            "Standard": not flag,
            "CountToTheAverage": counts,
        }
        if weight is not None:  # absent when the category does not count
            item["Weight"] = weight
        if short is not None:
            item["Short"] = short
        item["BlockAnyGrades"] = False
        item["ObligationToPerform"] = False
        if flag:
            item[flag] = True
        item["IsReadOnly"] = "0"  # a string on the real API
        items.append(item)
    return items


def attendance_types(_year: SchoolYear) -> list[Json]:
    items = []
    for source in ATTENDANCE_TYPES:
        item = dict(source)
        if "StandardType" in item:
            item["StandardType"] = ref("Attendances/Types", item["StandardType"])
        items.append(item)
    return items


def agenda_categories(_year: SchoolYear) -> list[Json]:
    return [
        {"Id": i, "Name": name, "Color": {"Id": c, "Url": api_url(f"/Colors/{c}")}}
        for i, name, c in AGENDA_CATEGORIES
    ]  # the real "2.0//Colors" double slash


def note_categories(_year: SchoolYear) -> list[Json]:
    return [{"Id": i, "CategoryName": name} for i, name in NOTE_CATEGORIES]


def behaviour_types(_year: SchoolYear) -> list[Json]:
    return [{"Id": i, "Name": name, "Shortcut": short} for i, name, short in BEHAVIOUR_TYPES]


# --------------------------------------------------------------------------------------------
# The register


def lucky_number(year: SchoolYear) -> Json:
    number, day = year.lucky_number()
    return {"LuckyNumber": number, "LuckyNumberDay": iso_day(day)}


def grades(year: SchoolYear) -> list[Json]:
    items = []
    for grade in year.grades:
        item: Json = {
            "Id": grade.id,
            "Lesson": ref("Lessons", grade.lesson.id),
            "Subject": ref("Subjects", SUBJECT_BY_KEY[grade.subject].id),
            "Student": ref("Users", year.student_user_id),
            "Category": ref("Grades/Categories", grade.category),
            "AddedBy": ref("Users", grade.lesson.teacher_id),
            "Grade": grade.text,
            "Date": iso_day(grade.day),
            "AddDate": _stamp(grade.added),
            "Semester": grade.semester,
            "IsConstituent": grade.kind == "regular",
            "IsSemester": grade.kind == "semester",
            "IsSemesterProposition": grade.kind == "semester_proposition",
            "IsFinal": grade.kind == "final",
            "IsFinalProposition": grade.kind == "final_proposition",
        }
        if grade.comment is not None:  # absent when none
            item["Comments"] = [ref("Grades/Comments", grade.comment.id)]
        if grade.improvement is not None:
            item["Improvement"] = ref("Grades", grade.improvement)
        items.append(item)
    return items


def grade_comments(year: SchoolYear) -> list[Json]:
    return [
        {
            "Id": grade.comment.id,
            "AddedBy": ref("Users", grade.lesson.teacher_id),
            "Grade": ref("Grades", grade.id),
            "Text": grade.comment.text,
        }
        for grade in year.grades
        if grade.comment is not None
    ]


def attendances(year: SchoolYear) -> list[Json]:
    items = []
    for key in sorted(year.attendances):
        record = year.attendances[key]
        item: Json = {
            "Id": record.id,
            "Lesson": ref("Lessons", record.lesson.id),
            "Student": ref("Users", year.student_user_id),
            "Date": iso_day(record.day),
            "AddDate": _stamp(record.added),
            "LessonNo": record.number,
            "Semester": record.semester,
            "Type": ref("Attendances/Types", record.type_id),
            "AddedBy": ref("Users", record.lesson.teacher_id),
        }
        if record.type_id == TYPE_TRIP:
            item["Trip"] = ref("Trips", 5416)
        items.append(item)
    return items


def agenda(year: SchoolYear) -> list[Json]:
    items = []
    for entry in year.agenda:
        item: Json = {
            "Id": entry.id,
            "Content": entry.content,
            "Date": iso_day(entry.day),
            "Category": ref("HomeWorks/Categories", entry.category),
            "LessonNo": None if entry.lesson_no is None else str(entry.lesson_no),  # or null
            "TimeFrom": _clock(entry.time_from),
            "TimeTo": _clock(entry.time_to),
            "CreatedBy": ref("Users", entry.created_by),
            "Class": ref("Classes", year.class_id),
        }
        if entry.subject is not None:  # absent for school-wide events
            item["Subject"] = ref("Subjects", SUBJECT_BY_KEY[entry.subject].id)
        if entry.classroom is not None:
            _, name, symbol, _ = CLASSROOM_BY_ID[entry.classroom]
            item["Classroom"] = {"Id": entry.classroom, "Symbol": symbol, "Name": name, "Size": 0}
        item["AddDate"] = _stamp(entry.added)
        items.append(item)
    return items


def assignments(year: SchoolYear) -> list[Json]:
    items = []
    for assignment in year.assignments:
        files = []
        if assignment.with_file:
            files.append(
                {
                    "Id": 7001,
                    "Name": "karta_pracy.pdf",
                    "Url": api_url(f"HomeWorkAssignments/Attachment/{assignment.id}-7001"),
                }
            )
        item: Json = {
            "Id": assignment.id,
            "Topic": assignment.topic,
            "Text": assignment.text,
            "Teacher": ref("Users", assignment.lesson.teacher_id),
            "Date": iso_day(assignment.given),
            "DueDate": iso_day(assignment.due),
            "Lesson": ref("Lessons", assignment.lesson.id),
            "MustSendAttachFile": False,
            "SendFilePossible": assignment.with_file,
            "HomeworkAssigmentFiles": files,  # sic
        }
        if assignment.with_category:  # only sometimes present
            item["Category"] = ref("HomeWorkAssignments/Categories", 31)
        items.append(item)
    return items


def notices(year: SchoolYear) -> list[Json]:
    return [
        {
            "Id": notice.id,
            "StartDate": iso_day(notice.start),
            "EndDate": iso_day(notice.end),
            "Subject": notice.title,
            "Content": notice.content,
            "AddedBy": ref("Users", notice.added_by),
            "CreationDate": _stamp(notice.created),
            "WasRead": notice.was_read,
        }
        for notice in year.notices
    ]


def school_free_days(year: SchoolYear) -> list[Json]:
    return [
        {
            "Id": free.id,
            "Name": free.name,
            "DateFrom": iso_day(free.date_from),
            "DateTo": iso_day(free.date_to),
            "Units": [ref("Units", UNIT_ID)],
        }
        for free in year.calendar.free_days
    ]


def class_free_days(year: SchoolYear) -> list[Json]:
    return [
        {
            "Id": trip.id,
            "Name": trip.name,
            "Type": ref("Calendars/ClassFreeDays/Types", 1),
            "DateFrom": iso_day(trip.date_from),
            "DateTo": iso_day(trip.date_to),
            "Class": ref("Classes", year.class_id),
        }
        for trip in year.class_trips
    ]


def notes(year: SchoolYear) -> list[Json]:
    return [
        {
            "Id": note.id,
            "Text": note.text,
            "Category": ref("Notes/Categories", note.category),
            "Teacher": ref("Users", note.teacher_id),
            "AddedBy": ref("Users", note.teacher_id),
            "Student": ref("Users", year.student_user_id),
            "Date": iso_day(note.day),
            "Positive": note.positive,
        }
        for note in year.notes
    ]


def behaviour_points(year: SchoolYear) -> list[Json]:
    return [
        {
            "Id": point.id,
            "Student": ref("Users", year.student_user_id),
            "BehaviourGrade": ref("BehaviourGrades/Types", point.grade_type),
            "ShortName": "",
            "Text": None,
            "Category": ref("BehaviourGrades/Points/Categories", 3),
            "Semester": point.semester,
            "AddDate": _stamp(point.added),
            "AddedBy": ref("Users", point.added_by),
            "Comments": [ref("BehaviourGrades/Points/Comments", point.comment.id)],
        }
        for point in year.behaviour
    ]


def behaviour_comments(year: SchoolYear) -> list[Json]:
    return [{"Id": point.comment.id, "Text": point.comment.text} for point in year.behaviour]


# --------------------------------------------------------------------------------------------
# The timetable


def timetable_lesson(year: SchoolYear, lesson: TimetableLesson) -> Json:
    """One lesson in the real Timetables shape: ids are strings, Class.Id an int."""
    day, number, change, original = lesson.day, lesson.number, lesson.change, lesson.lesson
    shown = lesson.shown
    subject = SUBJECT_BY_KEY[shown.subject]
    teacher = STAFF_BY_ID[shown.teacher_id]
    hours = LESSON_HOURS[number] or ("00:00", "00:00")
    entry_id = TIMETABLE_ENTRY_BASE + day.isoweekday() * 100 + lesson.plan_index
    item: Json = {
        "Lesson": ref("Lessons", str(shown.id)),
        "DateFrom": iso_day(year.calendar.begin),
        "DateTo": iso_day(year.calendar.end),
        "LessonNo": str(number),
        "TimetableEntry": ref("TimetableEntries", str(entry_id)),
        "DayNo": str(day.isoweekday()),
        "Subject": {
            "Id": str(subject.id),
            "Name": subject.name,
            "Short": subject.short,
            "Url": api_url(f"Subjects/{subject.id}"),
        },
        "Teacher": {
            "Id": str(teacher.id),
            "FirstName": teacher.first_name,
            "LastName": teacher.last_name,
            "Url": api_url(f"Users/{teacher.id}"),
        },
    }
    if original.virtual_class is None:
        item["Class"] = ref("Classes", year.class_id)  # Class.Id stays an int
    else:
        item["VirtualClass"] = ref("VirtualClasses", original.virtual_class[0])
        item["VirtualClassName"] = original.virtual_class[1]
    substitute = change.substitute is not None
    if not substitute:  # substitutions usually come without a classroom
        item["Classroom"] = ref("Classrooms", str(original.classroom_id))
    item["IsSubstitutionClass"] = substitute
    item["IsCanceled"] = change.canceled
    item["SubstitutionNote"] = None
    item["HourFrom"] = hours[0]
    item["HourTo"] = hours[1]
    if substitute:
        item.update(
            {
                "SubstitutionClassUrl": api_url(
                    f"Calendars/Substitutions/{entry_id}{day.strftime('%m%d')}"
                ),
                "OrgDate": iso_day(day),
                "OrgLessonNo": str(number),
                "OrgLesson": ref("Lessons", str(original.id)),
                "OrgSubject": ref("Subjects", str(SUBJECT_BY_KEY[original.subject].id)),
                "OrgTeacher": ref("Users", str(original.teacher_id)),
                "OrgClassroom": ref("Classrooms", str(original.classroom_id)),
                "OrgHourFrom": hours[0],
                "OrgHourTo": hours[1],
            }
        )
    return item
