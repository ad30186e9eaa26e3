"""The messages host's data: each account's deterministic inbox and the JSON shapes of it.

One school year of messages from school (September to June), the same for the same login:
the login seeds the times of day, the student's first name fills the texts. A message is
visible once its send date is not after the simulated "today", so new ones arrive as the
days pass. A seeded message is read `read_after` after it was sent (the parent read it in
a browser) once that moment is not after "today"; `read_after=None` stays unread.

Shapes follow reference/librus-api.md §4.1: `list_item` (the inbox list) and `detail` (the
message itself, `Message` = base64 of `<Message><Content><![CDATA[…]]></Content></Message>`).
The list preview is base64 of the UTF-8 plain text cut to `PREVIEW_BYTES` bytes, so it may end
inside a Polish letter, as the live one does.

Pure: no I/O, no clock, no aiohttp.
"""

from __future__ import annotations

import base64
import html
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final

type JsonObject = dict[str, Any]

# The list preview is the text's first PREVIEW_BYTES bytes of UTF-8 (not characters).
PREVIEW_BYTES: Final = 120
DATE_FORMAT: Final = "%Y-%m-%d %H:%M:%S"
# Seeded ids: 4_900_000 + (account id mod 1000) * 100 + position; delivered ones from here on.
SEEDED_ID_BASE: Final = 4_900_000
DELIVERED_ID_START: Final = 9_000_001
# What Librus puts on every link it rewrites to liblink.pl.
LIBLINK_TITLE: Final = "Link został skonwertowany ze względów bezpieczeństwa systemu."
SCHOOL_NAME: Final = "Szkoła Podstawowa nr 7 im. Marii Skłodowskiej-Curie"


@dataclass(frozen=True, slots=True)
class InboxMessage:
    """One received message. `html` is the body as the detail's CDATA carries it."""

    message_id: str
    sender_first_name: str
    sender_last_name: str
    sender_group: str
    topic: str
    html: str
    sent: datetime
    # How long after sending the parent read it in a browser; None: not read.
    read_after: timedelta | None = None
    attachments: tuple[str, ...] = ()

    @property
    def sender_name(self) -> str:
        return f"{self.sender_first_name} {self.sender_last_name}".strip()

    @property
    def send_date(self) -> str:
        return self.sent.strftime(DATE_FORMAT)

    def seeded_read_date(self, today: date) -> str | None:
        """When the parent read it, if that happened by the end of `today`."""
        if self.read_after is None:
            return None
        read = self.sent + self.read_after
        return read.strftime(DATE_FORMAT) if read.date() <= today else None

    def visible(self, today: date) -> bool:
        return self.sent.date() <= today


# --------------------------------------------------------------------------------------------
# Text


def plain_text(body_html: str) -> str:
    """The text of a body: tags dropped, entities decoded, whitespace collapsed."""
    text = re.sub(r"<br\s*/?>|</p>", " ", body_html)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


def preview(body_html: str) -> str:
    """The list item's `content`: base64 of the text's first PREVIEW_BYTES bytes of UTF-8."""
    cut = plain_text(body_html).encode()[:PREVIEW_BYTES]
    return base64.b64encode(cut).decode("ascii")


def message_xml(body_html: str) -> str:
    """The detail's `Message`: base64 of the XML wrapper around the HTML."""
    wrapped = f"<Message><Content><![CDATA[{body_html}]]></Content></Message>"
    return base64.b64encode(wrapped.encode()).decode("ascii")


def text_to_html(text: str) -> str:
    """A delivered message's plain text as Librus stores it: escaped, lines as <br>."""
    return "<br>\n".join(html.escape(line) for line in text.splitlines() or [""])


def split_sender(sender: str) -> tuple[str, str]:
    """ "Anna Kowalczyk" → ("Anna", "Kowalczyk"); one word (a group) stays in the first name."""
    first, _, last = " ".join(sender.split()).partition(" ")
    return first, last


def _liblink(url_key: str, label: str) -> str:
    return f'<a href="https://liblink.pl/{url_key}" title="{LIBLINK_TITLE}">{label}</a>'


# --------------------------------------------------------------------------------------------
# The seeded inbox


@dataclass(frozen=True, slots=True)
class _Template:
    when: tuple[int, int]  # (month, day)
    sender: str  # "First Last"; a group sender's whole name goes to the first name
    group: str
    topic: str
    paragraphs: tuple[str, ...]
    read_after_days: int | None
    attachments: tuple[str, ...] = ()


_TEACHER: Final = "Nauczyciel"
_HEAD: Final = "Dyrektor"
_OFFICE: Final = "Sekretariat"
_PEDAGOGUE: Final = "Pedagog"
_GROUPS: Final = frozenset({_HEAD, _OFFICE})

# `{student}` is the student's first name. Month/day within the school year (Sep–Jun).
_TEMPLATES: Final[tuple[_Template, ...]] = (
    _Template(
        (9, 1),
        "Sekretariat Szkoły",
        _OFFICE,
        "Witamy w nowym roku szkolnym",
        (
            "Szanowni Państwo,",
            "witamy w nowym roku szkolnym. Plan lekcji jest już dostępny w dzienniku.",
            "Sekretariat czynny od poniedziałku do piątku w godz. 7:30–15:30.",
        ),
        0,
    ),
    _Template(
        (9, 4),
        "Anna Kowalczyk",
        _TEACHER,
        "Zebranie z rodzicami",
        (
            "Szanowni Państwo,",
            "zapraszam na pierwsze zebranie z rodzicami w czwartek o 17:30 w sali 12.",
            "Omówimy plan wycieczek, wybierzemy trójkę klasową i ustalimy składki.",
            "Z poważaniem, Anna Kowalczyk",
        ),
        1,
    ),
    _Template(
        (9, 18),
        "Tomasz Zieliński",
        _TEACHER,
        "Konkurs matematyczny „Kangur”",
        (
            "Dzień dobry,",
            "zapisy na konkurs „Kangur” trwają do końca września. Regulamin w załączniku.",
            "Zachęcam {student} do udziału!",
        ),
        2,
        ("Regulamin konkursu Kangur.pdf",),
    ),
    _Template(
        (10, 2),
        "Katarzyna Wójcik",
        _TEACHER,
        "Zażółć gęślą jaźń — dyktando",
        (
            "Dzień dobry,",
            "w piątek dyktando z ortografii. Proszę powtórzyć pisownię ó/u, rz/ż i ch/h.",
            "Ćwiczenie na rozgrzewkę: „Zażółć gęślą jaźń”.",
        ),
        None,
    ),
    _Template(
        (10, 20),
        "Ewa Mazur",
        _PEDAGOGUE,
        "Spotkanie z pedagogiem",
        (
            "Szanowni Państwo,",
            "w przyszłym tygodniu pedagog szkolny przeprowadzi w klasie zajęcia o "
            "bezpieczeństwie w sieci. Materiały dla rodziców: "
            + _liblink("x7Kq2", "bezpieczny internet")
            + ".",
        ),
        3,
    ),
    _Template(
        (11, 13),
        "Marek Lewandowski",
        _TEACHER,
        "Poprawa sprawdzianu z fizyki",
        (
            "Dzień dobry,",
            "poprawa sprawdzianu z działu „Siły” odbędzie się we wtorek na 8. lekcji.",
        ),
        2,
    ),
    _Template(
        (11, 20),
        "Anna Kowalczyk",
        _TEACHER,
        "Wycieczka do Krakowa",
        (
            "Szanowni Państwo, zapraszamy uczniów naszej klasy na wycieczkę do Krakowa "
            "w dniach 9–11 grudnia. Zwiedzimy Wawel, Łagiewniki, Sukiennice i Kościół Mariacki; "
            "w programie również żółwie tempo na Plantach i warsztaty w Muzeum Podgórza.",
            "Wyjazd w poniedziałek o 7:00 sprzed szkoły, powrót w środę około 19:00. "
            "Koszt: 650 zł (przejazd autokarem, dwa noclegi ze śniadaniem i obiadokolacją, "
            "bilety wstępu, przewodnik i ubezpieczenie NNW).",
            "Prosimy o wpłaty do 30 listopada na konto klasowe oraz o podpisanie zgody "
            "(formularz w załączniku) i oddanie jej wychowawczyni. Uczniowie zabierają "
            "legitymację szkolną, wygodne buty, kurtkę przeciwdeszczową i drugie śniadanie "
            "na drogę. Telefon kontaktowy w czasie wycieczki: 600 100 200.",
            "Szczegółowy program: " + _liblink("Kr4k0w", "program wycieczki") + ".",
            "Z poważaniem, Anna Kowalczyk",
        ),
        None,
        ("Zgoda na wycieczkę.pdf", "Program wycieczki.docx"),
    ),
    _Template(
        (11, 26),
        "Marek Lewandowski",
        _TEACHER,
        "Zadanie dodatkowe z fizyki",
        (
            "Dzień dobry,",
            "{student} może oddać zadanie dodatkowe z fizyki do piątku — ocena pójdzie "
            "do średniej z wagą 1.",
        ),
        None,
    ),
    _Template(
        (12, 10),
        "Dyrekcja Szkoły",
        _HEAD,
        "Jasełka i kiermasz świąteczny",
        (
            "Szanowni Państwo,",
            "zapraszamy na jasełka i kiermasz świąteczny 18 grudnia o 16:00 w auli.",
            "Dochód z kiermaszu przeznaczymy na zakup książek do biblioteki.",
        ),
        1,
    ),
    _Template(
        (12, 19),
        "Anna Kowalczyk",
        _TEACHER,
        "Życzenia świąteczne",
        (
            "Szanowni Państwo,",
            "zdrowych, spokojnych Świąt Bożego Narodzenia i szczęśliwego Nowego Roku!",
        ),
        None,
    ),
    _Template(
        (1, 22),
        "Anna Kowalczyk",
        _TEACHER,
        "Zebranie z rodzicami — podsumowanie semestru",
        (
            "Szanowni Państwo,",
            "zebranie podsumowujące pierwszy semestr odbędzie się w środę o 17:30 w sali 12.",
        ),
        2,
    ),
    _Template(
        (2, 10),
        "Sekretariat Szkoły",
        _OFFICE,
        "Zajęcia w czasie ferii zimowych",
        (
            "Szanowni Państwo,",
            "w czasie ferii świetlica szkolna będzie czynna w godz. 8:00–14:00. "
            "Zapisy w sekretariacie; lista zajęć w załączniku.",
        ),
        None,
        ("Zajęcia w ferie.pdf",),
    ),
    _Template(
        (3, 12),
        "Katarzyna Wójcik",
        _TEACHER,
        "Lektura na kwiecień",
        (
            "Dzień dobry,",
            "w kwietniu omawiamy „Małego Księcia”. Proszę, by {student} przeczytał(a) "
            "całą lekturę do 10 kwietnia.",
        ),
        4,
    ),
    _Template(
        (4, 22),
        "Tomasz Zieliński",
        _TEACHER,
        "Wyniki konkursu „Kangur”",
        (
            "Dzień dobry,",
            "gratuluję — {student} otrzymał(a) wyróżnienie w konkursie „Kangur”!",
        ),
        None,
    ),
    _Template(
        (5, 14),
        "Anna Kowalczyk",
        _TEACHER,
        "Zielona szkoła — zgody",
        (
            "Szanowni Państwo,",
            "prosimy o podpisane zgody na zieloną szkołę w Zakopanem (8–12 czerwca) "
            "do 25 maja. Formularz w załączniku.",
        ),
        1,
        ("Zgoda — zielona szkoła.pdf",),
    ),
    _Template(
        (6, 15),
        "Dyrekcja Szkoły",
        _HEAD,
        "Zakończenie roku szkolnego",
        (
            "Szanowni Państwo,",
            "uroczyste zakończenie roku szkolnego odbędzie się w piątek o 9:00 w auli.",
        ),
        None,
    ),
)


def seeded_id(account_id: int, index: int) -> str:
    return str(SEEDED_ID_BASE + (account_id % 1000) * 100 + index + 1)


def seeded_inbox(
    login: str, account_id: int, student_first_name: str, start_year: int
) -> tuple[InboxMessage, ...]:
    """The account's messages of the school year starting in September `start_year`, oldest
    first. The same arguments always give the same messages."""
    rng = random.Random(f"librus-sim-messages|{login}|{start_year}")
    messages: list[InboxMessage] = []
    for index, template in enumerate(_TEMPLATES):
        month, day = template.when
        sent = datetime.combine(
            date(start_year if month >= 9 else start_year + 1, month, day),
            time(rng.randint(7, 19), rng.randint(0, 59), rng.randint(0, 59)),
        )
        read_after = (
            None
            if template.read_after_days is None
            else timedelta(days=template.read_after_days, hours=rng.randint(1, 4))
        )
        body = "\n".join(
            f"<p>{paragraph.format(student=html.escape(student_first_name))}</p>"
            for paragraph in template.paragraphs
        )
        first, last = (
            (template.sender, "") if template.group in _GROUPS else split_sender(template.sender)
        )
        messages.append(
            InboxMessage(
                message_id=seeded_id(account_id, index),
                sender_first_name=first,
                sender_last_name=last,
                sender_group=template.group,
                topic=template.topic.format(student=student_first_name),
                html=body,
                sent=sent,
                read_after=read_after,
                attachments=template.attachments,
            )
        )
    return tuple(messages)


# --------------------------------------------------------------------------------------------
# JSON shapes


def list_item(message: InboxMessage, read_date: str | None) -> JsonObject:
    """An item of `GET /api/inbox/messages` (§4.1's list item, exactly these keys)."""
    return {
        "messageId": message.message_id,
        "senderFirstName": message.sender_first_name,
        "senderLastName": message.sender_last_name,
        "senderName": message.sender_name,
        "topic": message.topic,
        "content": preview(message.html),
        "sendDate": message.send_date,
        "readDate": read_date,
        "tags": [],
        "category": None,
        "otherNodeUuid": None,
        "otherNodeAccountId": None,
        "isAnyFileAttached": bool(message.attachments),
    }


def detail(
    message: InboxMessage,
    read_date: str | None,
    *,
    receiver: str,
    student: tuple[str, str],
) -> JsonObject:
    """`data` of `GET /api/inbox/messages/{id}` (emsi's schema; many flags are strings)."""
    return {
        "messageId": message.message_id,
        "receiver": receiver,
        "senderId": str(700_000 + sum(map(ord, message.sender_name)) % 100_000),
        "senderFirstName": message.sender_first_name,
        "senderLastName": message.sender_last_name,
        "senderGroup": message.sender_group,
        "senderGroupId": "1",
        "senderName": message.sender_name,
        "senderSchoolName": SCHOOL_NAME,
        "myMessage": "0",
        "topic": message.topic,
        "Message": message_xml(message.html),
        "content": preview(message.html),
        "sendDate": message.send_date,
        "readDate": read_date,
        "spam": "0",
        "state": "1",
        "otherNodeUuid": None,
        "otherNodeAccountId": None,
        "otherNodeMessageId": None,
        "userFirstName": student[0],
        "userLastName": student[1],
        "userClass": "7a",
        "applicationNumber": None,
        "originalMessage": None,
        "originalTopic": None,
        "noReply": 0,
        "archive": 0,
        "attachementInfo": None,
        "attachments": [
            {"id": f"{message.message_id}{n:02d}", "filename": filename}
            for n, filename in enumerate(message.attachments, start=1)
        ],
        "enableMessageWithdrawn": "0",
        "isMessageWithdrawn": "0",
        "receiversCount": None,
        "readedCount": None,
        "receivers": [],
        "tags": [],
    }
