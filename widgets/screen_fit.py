"""Window sizes that fit the screen a window opens on (1366 x 768 laptops are common)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Room left for the title bar and borders, which are not known before the first show.
FRAME = (16, 40)
SMALLEST = (480, 360)


def fitted_size(wanted: tuple[int, int], room: tuple[int, int]) -> tuple[int, int]:
    """``wanted`` (width, height), made smaller where a screen's free ``room`` is."""
    return (max(SMALLEST[0], min(wanted[0], room[0] - FRAME[0])),
            max(SMALLEST[1], min(wanted[1], room[1] - FRAME[1])))


def fit_to_screen(window: QWidget, width: int, height: int) -> bool:
    """Resize ``window`` to ``width`` x ``height``, or less if its screen is smaller.

    Returns True when it had to be made smaller (a main window then opens maximized).
    """
    screen = window.screen()
    if screen is None:
        window.resize(width, height)
        return False
    room = screen.availableGeometry()
    size = fitted_size((width, height), (room.width(), room.height()))
    window.resize(*size)
    return size != (width, height)
