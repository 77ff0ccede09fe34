"""Collect the console's translatable texts from ui/ and update the Qt .ts file.

``pyside6-lupdate`` only understands ``self.tr(...)`` and literal ``QCoreApplication.translate``
calls; most screens use a small module wrapper (``_tr(text)``) with one fixed context. This script
reads the Python sources with ``ast`` and finds:

* ``QCoreApplication.translate("Context", "text")`` (also ``translate(...)`` spelled any way),
* ``QT_TRANSLATE_NOOP("Context", "text")`` (texts kept in constants, translated where shown),
* ``self.tr("text")`` / ``QT_TR_NOOP("text")`` (context: the enclosing class, as lupdate does),
* calls to any module-level wrapper whose body is ``return QCoreApplication.translate("Ctx", x)``
  (context: that wrapper's ``"Ctx"``), also when the wrapper is imported from another ui module.

From app/ it takes the fixed texts the screens show through ``ui.i18n.domain`` (context "Domain")
and the Spanish template of every service error raised or built with a literal first argument
(context "ServiceError", shown by ``ui.service_errors.error_text``).

The .ts file keeps every existing translation; new texts come in as ``unfinished`` and texts no
longer in the sources are dropped. Usage::

    python tools/extract_strings.py            # update resources/translations/imr_en.ts
    python tools/extract_strings.py --check    # exit 1 if texts are missing, dropped or unfinished

then ``pyside6-lrelease`` builds the .qm (``make translations`` runs both).
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
TS_FILE = ROOT / "resources" / "translations" / "imr_en.ts"
# Outputs that are not screens stay Spanish: the command-line start-up check and the PDF report.
EXCLUDED = {"self_test.py", "reports_pdf.py"}


def domain_texts() -> list[tuple[str, Path]]:
    """Fixed texts from app/ that the screens show through ``ui.i18n.domain``."""
    sys.path.insert(0, str(ROOT))
    from app.domain.priorities import Priority
    from app.reports.causes import BreachCause

    priorities = ROOT / "app" / "domain" / "priorities.py"
    causes = ROOT / "app" / "reports" / "causes.py"
    texts = [(text, priorities) for p in Priority for text in (p.summary, p.definition)]
    texts += [(text, causes) for c in BreachCause for text in (c.label, c.advice)]
    from app.services.audit_text import fixed_texts

    audit = ROOT / "app" / "services" / "audit_text.py"
    texts += [(text, audit) for text in fixed_texts()]
    return texts


def service_error_texts(root: Path | None = None) -> list[tuple[str, Path, int]]:
    """Spanish templates of the errors from app/services/errors.py raised anywhere in app/.

    The command line's own modules are left out: their errors only reach a terminal, in Spanish.
    """
    app = ROOT / "app"
    terminal_only = (app / "cli.py", app / "commands")
    paths = sorted(
        p
        for p in (app if root is None else root).rglob("*.py")
        if not any(p == skip or skip in p.parents for skip in terminal_only)
    )
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in paths}
    errors = app / "services" / "errors.py"
    declared = list(trees.values())
    if errors not in trees and errors.exists():  # the base classes, for another ``root``
        declared.append(ast.parse(errors.read_text(encoding="utf-8"), str(errors)))
    classes = {"ServiceError"}
    grown = True
    while grown:  # subclasses of subclasses, wherever in app/ they are declared
        grown = False
        for tree in declared:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in classes:
                    bases = {b.id if isinstance(b, ast.Name) else "" for b in node.bases}
                    if bases & classes:
                        classes.add(node.name)
                        grown = True
    texts = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee_name(node) in classes and node.args:
                text = _literal(node.args[0])
                if text:
                    texts.append((text, path, node.lineno))
            elif isinstance(node, ast.ClassDef) and node.name in classes:
                # an error class that words its own message: super().__init__("template", …)
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "__init__"
                        and isinstance(call.func.value, ast.Call)
                        and _callee_name(call.func.value) == "super"
                        and call.args
                    ):
                        text = _literal(call.args[0])
                        if text:
                            texts.append((text, path, call.lineno))
    return texts


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Found:
    messages: dict[tuple[str, str], Message] = field(default_factory=dict)
    dynamic: list[str] = field(default_factory=list)  # calls whose text is not a literal

    def add(self, context: str, source: str, path: Path, line: int) -> None:
        key = (context, source)
        message = self.messages.setdefault(key, Message(context, source))
        message.locations.append((path.relative_to(ROOT).as_posix(), line))


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _callee_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _wrapper_context(function: ast.FunctionDef) -> str | None:
    """The context of ``def w(text): return QCoreApplication.translate("Ctx", text)``."""
    if len(function.args.args) < 1:
        return None
    param = function.args.args[0].arg
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and _callee_name(node) == "translate" and len(node.args) >= 2:
            context = _literal(node.args[0])
            text = node.args[1]
            if context is not None and isinstance(text, ast.Name) and text.id == param:
                return context
    return None


def ui_modules(root: Path = UI) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if p.name not in EXCLUDED)


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def collect(paths: list[Path] | None = None) -> Found:
    paths = ui_modules() if paths is None else paths
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in paths}
    wrappers: dict[str, dict[str, str]] = {}  # module -> {function name: context}
    for path, tree in trees.items():
        own: dict[str, str] = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                context = _wrapper_context(node)
                if context is not None:
                    own[node.name] = context
        wrappers[_module_name(path)] = own
    found = Found()
    for path, tree in trees.items():
        aliases = dict(wrappers[_module_name(path)])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in wrappers:
                for name in node.names:
                    if name.name in wrappers[node.module]:
                        aliases[name.asname or name.name] = wrappers[node.module][name.name]
        _Visitor(path, aliases, found).visit(tree)
    for text, source in domain_texts():
        found.add("Domain", text, source, 0)
    for text, source, line in service_error_texts():
        found.add("ServiceError", text, source, line)
    return found


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: Path, aliases: dict[str, str], found: Found) -> None:
        self.path = path
        self.aliases = aliases
        self.found = found
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _text(self, call: ast.Call, context: str, node: ast.AST | None) -> None:
        text = None if node is None else _literal(node)
        if text is None:
            self.found.dynamic.append(f"{self.path.relative_to(ROOT)}:{call.lineno}")
        elif text:
            self.found.add(context, text, self.path, call.lineno)

    def visit_Call(self, call: ast.Call) -> None:
        name = _callee_name(call)
        args = call.args
        if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            context = _literal(args[0])
            if context is not None:
                self._text(call, context, args[1])
        elif name in ("tr", "QT_TR_NOOP") and args and self.classes:
            is_method = name == "QT_TR_NOOP" or (
                isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id in ("self", "cls")
            )
            if is_method:
                self._text(call, self.classes[-1], args[0])
        elif isinstance(call.func, ast.Name) and name in self.aliases:
            self._text(call, self.aliases[name], args[0] if args else None)
        self.generic_visit(call)


# ------------------------------------------------------------------------------------- .ts file
def read_ts(path: Path = TS_FILE) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute or None when finished)."""
    result: dict[tuple[str, str], tuple[str, str | None]] = {}
    if not path.exists():
        return result
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = None if translation is None else translation.get("type")
            result[(name, source)] = (text, kind)
    return result


def render_ts(found: Found, existing: dict[tuple[str, str], tuple[str, str | None]]) -> str:
    root = ET.Element("TS", {"version": "2.1", "language": "en", "sourcelanguage": "es"})
    by_context: dict[str, list[Message]] = {}
    for message in found.messages.values():
        by_context.setdefault(message.context, []).append(message)
    for context_name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for message in by_context[context_name]:
            element = ET.SubElement(context, "message")
            for filename, line in message.locations:
                ET.SubElement(
                    element, "location", {"filename": f"../../{filename}", "line": str(line)}
                )
            ET.SubElement(element, "source").text = message.source
            text, kind = existing.get((context_name, message.source), ("", "unfinished"))
            if kind in ("vanished", "obsolete"):
                kind = None if text else "unfinished"
            attrs = {"type": kind} if kind else {}
            ET.SubElement(element, "translation", attrs).text = text
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    return "<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE TS>\n" + body + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE)
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    found = collect()
    existing = read_ts(args.ts)
    text = render_ts(found, existing)
    unfinished = [
        key for key in found.messages if existing.get(key, ("", "unfinished"))[1] is not None
    ]
    current = args.ts.read_text(encoding="utf-8") if args.ts.exists() else ""
    if args.check:  # line numbers may move; only texts coming or going make the .ts stale
        added = sorted(set(found.messages) - set(existing))
        dropped = sorted(set(existing) - set(found.messages))
        for context, source in added:
            print(f"not in {args.ts.name}: [{context}] {source!r}", file=sys.stderr)
        for context, source in dropped:
            print(f"no longer in the sources: [{context}] {source!r}", file=sys.stderr)
        for context, source in unfinished:
            print(f"unfinished: [{context}] {source!r}", file=sys.stderr)
        return 1 if added or dropped or unfinished else 0
    if text != current:
        args.ts.write_text(text, encoding="utf-8")
    print(
        f"{args.ts.name}: {len(found.messages)} texts, {len(unfinished)} unfinished, "
        f"{len(found.dynamic)} calls with a computed text (marked elsewhere)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
