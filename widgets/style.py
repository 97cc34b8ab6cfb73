"""The look: one palette, one stylesheet, readable at a glance in a busy room."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

BG = "#F4F3EF"
SURFACE = "#FFFFFF"
SIDEBAR = "#EAE7E0"
BORDER = "#D9D5CB"
TEXT = "#1F2328"
MUTED = "#666B73"
ACCENT = "#2E6B4F"
ACCENT_HOVER = "#24573F"
ACCENT_SOFT = "#DDEBE3"
WARN = "#B3261E"
BASE_POINTS = 10.5

_QSS = """
QMainWindow, QWidget#start_screen, QWidget#page {{ background: {BG}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QLabel[role="h1"] {{ font-size: {h1}pt; font-weight: 600; color: {TEXT}; }}
QLabel[role="h2"] {{ font-size: {h2}pt; font-weight: 600; color: {TEXT}; }}
QLabel[role="h3"] {{ font-size: {h3}pt; font-weight: 600; color: {TEXT}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="brand"] {{ font-size: {brand}pt; font-weight: 700; color: {ACCENT}; }}
QFrame[role="card"] {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QFrame#event_header {{ background: {SURFACE}; border: none; border-bottom: 1px solid {BORDER}; }}
QLabel#method_badge {{ background: {ACCENT_SOFT}; color: {ACCENT_HOVER}; border-radius: 11px;
  padding: 3px 12px; font-weight: 600; }}
QPushButton {{ padding: 6px 14px; border: 1px solid {BORDER}; border-radius: 6px;
  background: {SURFACE}; color: {TEXT}; }}
QPushButton:hover {{ background: #EFEDE7; }}
QPushButton:pressed {{ background: #E4E1D8; }}
QPushButton:disabled {{ color: #A5A8AD; }}
QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT};
  font-weight: 600; }}
QPushButton[role="primary"]:hover {{ background: {ACCENT_HOVER}; }}
QPushButton[role="big"] {{ padding: 12px 18px; font-size: {h3}pt; text-align: left; }}
QPushButton[role="choice"] {{ background: {SURFACE}; border: 1px solid {BORDER};
  border-radius: 8px; padding: 0; }}
QPushButton[role="choice"]:hover {{ background: {SURFACE}; border: 1px solid #A9B8AE; }}
QPushButton[role="choice"]:focus {{ border: 1px solid {ACCENT}; }}
QPushButton[role="choice"]:checked {{ background: {ACCENT_SOFT}; border: 2px solid {ACCENT}; }}
QPushButton[role="choice"] QLabel {{ background: transparent; border: none; }}
QLineEdit, QPlainTextEdit {{ background: {SURFACE}; border: 1px solid {BORDER};
  border-radius: 5px; padding: 4px 6px; selection-background-color: {ACCENT}; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QAbstractItemView QLineEdit {{ padding: 0 3px; border-radius: 0; }}
QListWidget#navigation {{ background: {SIDEBAR}; border: none; border-right: 1px solid {BORDER};
  padding-top: 8px; outline: 0; }}
QListWidget#navigation::item {{ padding: 10px 16px; border-left: 4px solid transparent;
  color: {TEXT}; }}
QListWidget#navigation::item:selected {{ background: {ACCENT_SOFT}; border-left: 4px solid {ACCENT};
  color: {TEXT}; font-weight: 600; }}
QListWidget#navigation::item:hover:!selected {{ background: #E2DED5; }}
QTreeView::item, QTableView::item {{ padding: 3px 4px; }}
QTreeView#agenda_tree::item {{ padding: 6px 4px 5px 4px; }}  /* rows of 28 px at 10.5 pt */
QTreeView, QTableView, QListWidget {{ background: {SURFACE}; border: 1px solid {BORDER};
  border-radius: 6px; alternate-background-color: #F8F7F3;
  selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT}; }}
QListWidget#recent_list:disabled {{ color: {MUTED}; }}  /* "no workbooks opened yet" */
QHeaderView::section {{ background: #EFEDE7; padding: 6px 8px; border: none;
  border-bottom: 1px solid {BORDER}; font-weight: 600; color: {TEXT}; }}
QStatusBar {{ background: {SIDEBAR}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 8px; }}
QToolBar {{ background: {BG}; border: none; spacing: 4px; padding: 2px 6px; }}
"""


def stylesheet(scale: float = 1.0) -> str:
    pts = BASE_POINTS * scale
    return _QSS.format(
        BG=BG, SURFACE=SURFACE, SIDEBAR=SIDEBAR, BORDER=BORDER, TEXT=TEXT, MUTED=MUTED,
        ACCENT=ACCENT, ACCENT_HOVER=ACCENT_HOVER, ACCENT_SOFT=ACCENT_SOFT,
        h1=round(pts * 2.0, 1), h2=round(pts * 1.45, 1), h3=round(pts * 1.15, 1),
        brand=round(pts * 3.2, 1),
    )


FUSION_SET = "oogst_fusion"  # QApplication property: Fusion is known to be in place


def apply_style(app: QApplication, scale: float = 1.0) -> None:
    """Fusion style, a light warm palette and the stylesheet at ``scale`` (text zoom)."""
    # Asking app.style() makes PySide6 build QStyle's Python enums (~6 ms at start-up):
    # skipped when make_application already started the app with "-style fusion".
    if app.property(FUSION_SET) is not True:
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setProperty(FUSION_SET, True)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BG))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#F8F7F3"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#F1EFEA"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9A9EA4"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * scale)
    app.setFont(font)
    app.setStyleSheet(stylesheet(scale))


def label(text: str, role: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel with a stylesheet ``role`` (h1, h2, h3, muted, brand)."""
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    return widget


def set_role(widget: QWidget, role: str) -> QWidget:
    widget.setProperty("role", role)
    return widget
