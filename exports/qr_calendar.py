"""A calendar event as plain iCalendar text, small enough for a QR code.

A phone camera that reads a QR code holding ``BEGIN:VCALENDAR … END:VCALENDAR`` offers
to add the event to the agenda: it works with no server at all.
"""

from __future__ import annotations

import datetime as dt

from exports.harvest import parse_when

DEFAULT_MINUTES = 120


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping (backslash, semicolon, comma, newline)."""
    value = "".join(ch for ch in value if ch >= " " or ch == "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuation lines start with a space)."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def vevent_text(uid: str, when: str, summary: str, location: str = "", url: str = "",
                description: str = "", minutes: int = DEFAULT_MINUTES,
                now: dt.datetime | None = None) -> str:
    """A VCALENDAR with one VEVENT; ``""`` when ``when`` is not an ISO date (-time)."""
    start = parse_when(when)
    if start is None:
        return ""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Oogst//Oogst//NL", "BEGIN:VEVENT",
             f"UID:{uid}", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}"]
    if isinstance(start, dt.datetime):
        end = start + dt.timedelta(minutes=minutes)
        lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
    else:
        lines += [f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}"]
    lines.append(f"SUMMARY:{escape_text(summary)}")
    if location.strip():
        lines.append(f"LOCATION:{escape_text(location)}")
    if description.strip():
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if url.strip() and "\n" not in url:
        lines.append(f"URL:{url.strip()}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines)
