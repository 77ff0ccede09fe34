"""Languages: Spanish (Panama) is the source text; English comes from a Qt .qm translation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.formatting import set_display_language
from app.resources_path import translations_dir

TRANSLATIONS = translations_dir()
LANGUAGES = {"es": "Español (Panamá)", "en": "English"}

_installed: list[QTranslator] = []
_current = "es"


def current() -> str:
    return _current


def label(value: Any) -> str:
    """A domain enum's label (priority, channel, status, action) in the current language."""
    return str(value.label_en if _current == "en" else value.label)


def domain(text: str) -> str:
    """A fixed text from app/ (the protocol's priority meanings, breach causes) on screen.

    app/ stays free of Qt, so these texts are listed for translation by
    ``tools/extract_strings.py`` (``DOMAIN_TEXTS``) under the "Domain" context."""
    return QCoreApplication.translate("Domain", text)


def summary(priority: Any) -> str:
    """The protocol's short classification of a level ("Caso crítico sin alternativa conocida")."""
    return domain(priority.summary)


def definition(priority: Any) -> str:
    return domain(priority.definition)


def target_text(priority: Any) -> str:
    """The first-contact target in words: "1 hora", "12 horas"."""
    hours = int(priority.target.total_seconds() // 3600)
    if hours == 1:
        return QCoreApplication.translate("Domain", "1 hora")
    return QCoreApplication.translate("Domain", "{0} horas").format(hours)


def install(app: QCoreApplication, language: str) -> bool:
    """Install the translators for ``language``; returns False when the .qm file is missing."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = "es"
    _current = language
    set_display_language(language)
    QLocale.setDefault(QLocale("es_PA" if language == "es" else "en_US"))
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    if language == "es":
        return True  # the source text is Spanish
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"imr_{language}.qm")):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True
