"""Shared ReportLab building blocks for every Oogst document (no Qt).

Fonts: DejaVu Sans (shipped in ``assets/fonts``) is embedded, so ë, ü, ı, Arabic and
Hebrew letters print; characters no font carries (most emoji) are dropped or shown
as a small box, and control characters are removed, so no text can break a PDF.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepInFrame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from app.i18n import translate

FONT_DIRS = (
    Path(__file__).resolve().parent.parent / "assets" / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B76")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#C9D1D9")
TINT = colors.HexColor("#F2F5F8")
QR_MAX_BYTES = 1400
MISSING = "\u25a1"  # shown for a letter no font has
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# ------------------------------------------------------------------------ fonts
@cache
def fonts() -> tuple[str, str]:
    """Register the embedded fonts once; returns (regular, bold) font names."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            try:
                pdfmetrics.registerFont(TTFont("Oogst", str(regular)))
                pdfmetrics.registerFont(TTFont("Oogst-Bold", str(bold)))
            except Exception:  # a damaged font file: try the next folder
                continue
            pdfmetrics.registerFontFamily("Oogst", normal="Oogst", bold="Oogst-Bold",
                                          italic="Oogst", boldItalic="Oogst-Bold")
            return "Oogst", "Oogst-Bold"
    return "Helvetica", "Helvetica-Bold"  # last resort: Latin-1 only, still no crash


@cache
def _coverage() -> frozenset[int]:
    regular, bold = fonts()
    if regular == "Helvetica":
        return frozenset(i for i in range(32, 256) if i not in range(0x7F, 0xA0))
    faces = (pdfmetrics.getFont(regular).face, pdfmetrics.getFont(bold).face)
    return frozenset(faces[0].charToGlyph).intersection(faces[1].charToGlyph)


@cache
def _fix_char(ch: str) -> str:
    if ch in "\n\t":
        return "\n" if ch == "\n" else " "
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return " " if cat in ("Zl", "Zp") else ""
    if ord(ch) in _coverage():
        return ch
    if ord(ch) > 0xFFFF or cat.startswith(("S", "M")):
        return ""  # emoji, symbols and marks the font lacks: leave them out
    return MISSING


def clean(text: Any, limit: int | None = None) -> str:
    """Text every font here can print: controls out, missing glyphs replaced, trimmed."""
    text = "" if text is None else str(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = "".join(_fix_char(c) if not c.isascii() or c in "\t" else c for c in text)
    else:
        text = text.replace("\t", " ")
    text = text.strip()
    if limit is not None and len(text) > limit:
        text = text[: max(1, limit - 1)].rstrip() + "…"
    return text


def markup(text: Any, limit: int | None = None) -> str:
    """Safe Paragraph markup of plain text: escaped, line breaks kept."""
    return escape(clean(text, limit)).replace("\n", "<br/>")


def one_line(text: Any, limit: int | None = None) -> str:
    return clean(text, limit).replace("\n", " ")


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut (with …) so that it fits ``width`` points."""
    text = text[: int(width / (size * 0.15)) + 2]  # no glyph is narrower than this
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)  # the longest prefix that fits with "…" (binary search)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def fit_size(text: str, font: str, size: float, width: float, smallest: float = 6) -> float:
    """The largest size ≤ ``size`` (down to ``smallest``) at which ``text`` fits ``width``."""
    w = pdfmetrics.stringWidth(text, font, size)
    return size if w <= width else max(smallest, size * width / w)


# ------------------------------------------------------------------------ styles
@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    bullet: ParagraphStyle
    centre: ParagraphStyle


@cache
def styles(scale: float = 1.0) -> Styles:
    """Calm, clear typography; ``scale`` shrinks everything (one-page documents)."""
    regular, bold = fonts()

    def st(name: str, size: float, lead: float, font: str = regular, colour: Any = INK,
           before: float = 0, after: float = 4, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(f"{name}-{scale}", fontName=font, fontSize=size * scale,
                              leading=lead * scale, textColor=colour,
                              spaceBefore=before * scale, spaceAfter=after * scale, **kw)

    return Styles(
        title=st("title", 26, 32, bold, ACCENT, after=10),
        subtitle=st("subtitle", 13, 18, regular, INK, after=6),
        h1=st("h1", 16, 21, bold, ACCENT, before=4, after=8),
        h2=st("h2", 12, 16, bold, ACCENT, before=10, after=4, keepWithNext=1),
        h3=st("h3", 10, 13.5, bold, INK, before=6, after=2, keepWithNext=1),
        body=st("body", 9.2, 13.2),
        small=st("small", 8, 11, after=2),
        muted=st("muted", 8, 11, regular, MUTED, after=2),
        cell=st("cell", 8.4, 11, after=0),
        cell_bold=st("cellb", 8.4, 11, bold, after=0),
        bullet=st("bullet", 9.2, 13, leftIndent=11, bulletIndent=1, after=2),
        centre=st("centre", 8, 10, regular, MUTED, after=0, alignment=TA_CENTER),
    )


def para(text: Any, style: ParagraphStyle, limit: int | None = None) -> Paragraph:
    """A paragraph of plain (untrusted) text."""
    return Paragraph(markup(text, limit), style)


def bullet(text: Any, style: ParagraphStyle, limit: int | None = None,
           mark: str = "•") -> Paragraph:
    return Paragraph(markup(text, limit), style, bulletText=mark)


def hex_colour(value: str, default: str = "#888888") -> colors.Color:
    """A ReportLab colour from '#RRGGBB'; anything unreadable gives ``default``."""
    value = (value or "").strip()
    if re.fullmatch(r"#?[0-9a-fA-F]{6}", value):
        return colors.HexColor("#" + value.lstrip("#"))
    return colors.HexColor(default)


def light(colour: colors.Color, amount: float = 0.85) -> colors.Color:
    """``colour`` mixed with white (tints for backgrounds)."""
    return colors.Color(*(c + (1 - c) * amount for c in (colour.red, colour.green, colour.blue)))


def text_on(colour: colors.Color) -> colors.Color:
    """Black or white, whichever reads better on ``colour``."""
    lum = 0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue
    return colors.black if lum > 0.62 else colors.white


class ColourBand(Flowable):
    """A horizontal band in a stakeholder colour, optionally with a label in it."""

    def __init__(self, colour: str | colors.Color, height: float = 3 * mm, label: str = "",
                 width: float | None = None, font_size: float = 8.5) -> None:
        super().__init__()
        self.colour = colour if isinstance(colour, colors.Color) else hex_colour(colour)
        self.height, self.label, self.band_width, self.font_size = height, label, width, font_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.band_width or avail_width
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.colour)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        if self.label:
            bold = fonts()[1]
            c.setFillColor(text_on(self.colour))
            c.setFont(bold, self.font_size)
            label = fit_text(one_line(self.label), bold, self.font_size, self.width - 4 * mm)
            c.drawString(2 * mm, (self.height - self.font_size * 0.7) / 2, label)


def table(rows: list[list[Any]], widths: Sequence[float], header: bool = True,
          zebra: bool = True, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A calm data table: thin rules, tinted header, optional zebra rows; splits by row."""
    t = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.35, RULE),
    ]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), TINT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)]
    if zebra:
        for r in range(1 if header else 0, len(rows)):
            if r % 2 == 0:
                cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#FAFBFC")))
    t.setStyle(TableStyle(cmds + list(extra)))
    return t


# ----------------------------------------------------------------------------- QR
def qr_png(data: str, border: int = 4) -> bytes:
    """A QR code as a small black-and-white PNG (the ``qrcode`` library, not vectors)."""
    if len(data.encode("utf-8")) > QR_MAX_BYTES:  # a QR code holds ~2 KB; never fail on it
        data = data.encode("utf-8")[: QR_MAX_BYTES - 3].decode("utf-8", "ignore") + "…"
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=4, border=border)
    qr.add_data(data)
    qr.make(fit=True)
    buf = io.BytesIO()
    qr.make_image().save(buf, format="PNG")
    return buf.getvalue()


def qr_reader(data: str) -> ImageReader:
    """A QR code for ``canvas.drawImage``."""
    return ImageReader(io.BytesIO(qr_png(data)))


def qr_flowable(data: str, size: float) -> Image:
    """A QR code as a square flowable of ``size`` points (quiet zone included)."""
    return Image(io.BytesIO(qr_png(data)), width=size, height=size)


def image_flowable(data: bytes, max_width: float, max_height: float) -> Image | None:
    """An attached photo scaled to fit; ``None`` when the bytes are not an image."""
    try:
        reader = ImageReader(io.BytesIO(data))
        w, h = reader.getSize()
    except Exception:
        return None
    if w <= 0 or h <= 0:
        return None
    scale = min(max_width / w, max_height / h)
    return Image(io.BytesIO(data), width=w * scale, height=h * scale)


# ---------------------------------------------------------------------- documents
@dataclass
class DocInfo:
    """What the running header and footer say."""

    title: str
    kind: str
    lang: str = "nl"
    privacy_note: str = ""
    plain_first_page: bool = False
    author: str = "Oogst"
    subject: str = ""


def _canvas_class(info: DocInfo) -> type[Canvas]:
    """A canvas that knows the page total ("pagina X van Y") when it saves."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if not (info.plain_first_page and self._pageNumber == 1):
                    draw_running(self, info, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def draw_running(c: Canvas, info: DocInfo, page: int, total: int) -> None:
    """The running header (event title, document kind) and footer (page X of Y)."""
    regular, bold = fonts()
    width, height = c._pagesize
    left, right = 18 * mm, width - 18 * mm
    c.saveState()
    c.setFont(bold, 7.5)
    c.setFillColor(ACCENT)
    c.drawString(left, height - 11 * mm, fit_text(one_line(info.title), bold, 7.5,
                                                    (right - left) * 0.62))
    c.setFont(regular, 7.5)
    c.setFillColor(MUTED)
    c.drawRightString(right, height - 11 * mm, fit_text(one_line(info.kind), regular, 7.5,
                                                        (right - left) * 0.36))
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(left, height - 12.8 * mm, right, height - 12.8 * mm)
    c.line(left, 12.5 * mm, right, 12.5 * mm)
    c.drawString(left, 8.5 * mm, fit_text(info.privacy_note, regular, 7.5, (right - left) * 0.7))
    c.drawRightString(right, 8.5 * mm,
                      translate("pagina {page} van {total}", info.lang, page=page, total=total))
    c.restoreState()


class OogstDoc(BaseDocTemplate):
    """A4 document with one frame; reports headings to the contents and the outline."""

    def __init__(self, target: str | Path | IO[bytes], info: DocInfo,
                 landscape_pages: bool = False, margins: Sequence[float] | None = None) -> None:
        size = landscape(A4) if landscape_pages else A4
        top, right, bottom, left = margins or (19 * mm, 18 * mm, 17 * mm, 18 * mm)
        super().__init__(
            target if not isinstance(target, Path) else str(target), pagesize=size,
            leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
            title=one_line(info.title), author=one_line(info.author),
            subject=one_line(info.subject or info.kind), creator="Oogst",
            lang=info.lang, invariant=False)
        frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom,
                      id="main", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self.info = info
        self._heading_seq = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab API)
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        text = getattr(flowable, "toc_text", "") or flowable.getPlainText()
        key = f"h{self._heading_seq}"
        self._heading_seq += 1
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, escape(text), self.page, key))

    def handle_documentBegin(self) -> None:  # noqa: N802 (ReportLab API)
        self._heading_seq = 0
        super().handle_documentBegin()

    def render(self, story: list[Flowable], passes: bool = False) -> int:
        """Lay out ``story`` (several passes when it has a contents); returns the page count."""
        maker = _canvas_class(self.info)
        if passes:
            self.multiBuild(story, canvasmaker=maker)
        else:
            self.build(story, canvasmaker=maker)
        return self.page


def heading(text: str, style: ParagraphStyle, level: int | None = None) -> Paragraph:
    """A heading; with ``level`` it appears in the contents and the PDF outline."""
    p = para(text, style)
    if level is not None:
        p.toc_level = level  # type: ignore[attr-defined]
        p.toc_text = one_line(text, 120)  # type: ignore[attr-defined]
    return p


def shrink_to(width: float, height: float, content: list[Flowable]) -> KeepInFrame:
    """``content`` scaled down (never up) to fit ``width`` × ``height``.

    KeepTogether groups are opened first: inside a KeepInFrame they would not draw.
    """
    flat: list[Flowable] = []
    for f in content:
        flat += getattr(f, "_content", None) or [f] if isinstance(f, KeepTogether) else [f]
    return KeepInFrame(width, height, flat, mode="shrink")
