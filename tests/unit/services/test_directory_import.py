"""CSV import/export of the directory: a dry run lists every bad row; a bad file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.data.engine import Database
from app.services.directory import DirectoryService
from app.services.directory_import import DirectoryImport
from app.services.errors import PermissionDenied

PRODUCTS = "code,name,active\nERP,ERP Financiero,sí\nPOS,Punto de venta,\n"
CLIENTS = (
    'name,tax_id,notes,active\nCervecería Istmo,155-1-2345,"Planta en Chorrera",sí\n'
    "Farmacias Unidas,8-123-456,,\n"
)
CONTRACTS = (
    "number,client,starts_on,ends_on,products,critical_line_24x7,coverage_notes\n"
    "CM-100,Cervecería Istmo,2026-01-01,2026-12-31,ERP; POS,sí,Todo el portafolio\n"
    "CM-101,farmacias unidas,01/02/2026,31/01/2027,POS,no,\n"
)
CONTACTS = (
    "client,name,emails,phones,whatsapp,key_user,active\n"
    "Cervecería Istmo,Karla Clave,Karla@Istmo.pa; karla.c@gmail.com,223-4567,6093-0740,sí,\n"
    "Farmacias Unidas,Pedro Líder,pedro@fu.pa,,(507) 6111-2222,sí,sí\n"
)

BROKEN_CONTRACTS = (
    "number,client,starts_on,ends_on,products,critical_line_24x7,coverage_notes\n"
    "CM-200,Cervecería Istmo,2026-01-01,2026-12-31,ERP,sí,bien\n"  # line 2: fine
    "CM-201,Nadie S.A.,2026-01-01,2026-12-31,,,\n"  # line 3: unknown client
    "CM-202,Cervecería Istmo,2026-06-01,2026-01-01,,,\n"  # line 4: end before start
    "CM-200,Farmacias Unidas,2026-01-01,2026-02-01,,,\n"  # line 5: duplicate number
    "CM-203,Cervecería Istmo,2026-13-01,2026-12-31,,,\n"  # line 6: bad date
    "CM-204,Cervecería Istmo,2026-01-01,2026-12-31,XYZ,,\n"  # line 7: unknown product
    "CM-205,Cervecería Istmo,2026-01-01,2026-12-31,,quizás,\n"  # line 8: bad flag
)
BROKEN_CONTACTS = (
    "client,name,emails,phones,whatsapp,key_user\n"
    "Cervecería Istmo,Ana,ana@istmo,,,\n"  # line 2: malformed email
    "Cervecería Istmo,Beto,,12,,\n"  # line 3: malformed phone
    "Nadie S.A.,Carla,carla@nadie.pa,,,\n"  # line 4: unknown client
    "Cervecería Istmo,Dora,dora@istmo.pa,,6093-0740,\n"  # line 5: fine
    'Cervecería Istmo,Eva,"eva@istmo.pa",,"+507 6093 0740",\n'  # line 6: same WhatsApp
    "Cervecería Istmo,Dora,otra@istmo.pa,,,\n"  # line 7: duplicate contact
)


@pytest.fixture
def importer(db: Database) -> DirectoryImport:
    DirectoryService(db).add_technician("sup", "Sara Supervisora", role="supervisor")
    DirectoryService(db).add_technician("ana", "Ana Ríos")
    return DirectoryImport(db)


def _load_all(importer: DirectoryImport) -> None:
    for kind, text in (
        ("products", PRODUCTS),
        ("clients", CLIENTS),
        ("contracts", CONTRACTS),
        ("contacts", CONTACTS),
    ):
        report = importer.run(kind, text, actor="sup")
        assert report.ok and report.applied, report.rejections


def test_import_all_kinds_then_export_round_trips(importer: DirectoryImport) -> None:
    dry = importer.run("clients", CLIENTS, actor="sup", dry_run=True)
    assert dry.ok and not dry.applied and dry.created == 2
    assert DirectoryService(importer.db).clients() == []
    _load_all(importer)
    directory = DirectoryService(importer.db)
    clients = {c.name: c for c in directory.clients()}
    assert clients["Cervecería Istmo"].tax_id == "155-1-2345"
    contracts = {c.number: c for c in directory.contracts()}
    assert contracts["CM-100"].product_codes == ("ERP", "POS")
    assert not contracts["CM-101"].critical_line_24x7
    karla = next(c for c in directory.contacts() if c.name == "Karla Clave")
    assert karla.emails == ("karla@istmo.pa", "karla.c@gmail.com")
    assert karla.whatsapps == ("+50760930740",) and karla.is_key_user

    exported = {
        kind: importer.export(kind) for kind in ("clients", "contracts", "contacts", "products")
    }
    assert "CM-100,Cervecería Istmo,2026-01-01,2026-12-31,ERP; POS,sí" in exported["contracts"]
    for kind, text in exported.items():
        again = importer.run(kind, text, actor="sup")
        assert again.ok and again.created == 0, (kind, again.rejections)
    assert len(directory.audit_trail("contract", contracts["CM-100"].id)) == 1  # no-op re-import


def test_broken_contracts_are_all_reported_and_nothing_is_imported(
    importer: DirectoryImport, tmp_path: Path
) -> None:
    _load_all(importer)
    before = importer.export("contracts")
    for dry_run in (True, False):
        report = importer.run("contracts", BROKEN_CONTRACTS, actor="sup", dry_run=dry_run)
        assert not report.applied and report.rows == 7
        lines = {r.line: r.message for r in report.rejections}
        assert sorted(lines) == [3, 4, 5, 6, 7, 8]
        assert "cliente desconocido «Nadie S.A.»" in lines[3]
        assert "anterior a su inicio" in lines[4]
        assert "clave duplicada" in lines[5] and "línea 2" in lines[5]
        assert "fecha «2026-13-01» no válida" in lines[6]
        assert "producto desconocido «XYZ»" in lines[7]
        assert "use sí o no" in lines[8]
    assert importer.export("contracts") == before


def test_broken_contacts_are_reported_with_line_numbers(importer: DirectoryImport) -> None:
    _load_all(importer)
    before = importer.export("contacts")
    report = importer.run("contacts", BROKEN_CONTACTS, actor="sup")
    lines = {r.line: r.message for r in report.rejections}
    assert sorted(lines) == [2, 3, 4, 5, 6, 7]
    assert "correo electrónico inválido" in lines[2]
    assert "número de teléfono inválido" in lines[3]
    assert "cliente desconocido" in lines[4]
    assert "ya pertenece a Karla Clave" in lines[5]  # 6093-0740 is Karla's WhatsApp
    assert "+50760930740" in lines[6]  # the same number typed another way
    assert "clave duplicada" in lines[7]
    assert importer.export("contacts") == before


def test_bad_headers_and_semicolon_files(importer: DirectoryImport) -> None:
    report = importer.run("products", "codigo,nombre\nA,B\n", actor="sup")
    assert [r.line for r in report.rejections] == [1]
    assert "faltan las columnas code, name" in report.rejections[0].message
    assert importer.run("products", "", actor="sup").rejections[0].line == 1
    ok = importer.run("products", "\ufeffcode;name\nBI;Inteligencia de negocios\n", actor="sup")
    assert ok.ok and ok.applied and ok.created == 1
    with pytest.raises(PermissionDenied):
        importer.run("products", PRODUCTS, actor="ana")
