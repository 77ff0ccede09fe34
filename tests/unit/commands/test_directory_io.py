"""`imr-console import …` and `export clients|contracts|contacts|products` on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.data.engine import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_dry_run_bad_file_and_export(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db.url
    clients = tmp_path / "clientes.csv"
    clients.write_text("name,tax_id\nCervecería Istmo,155-1\nFarmacias Unidas,\n", "utf-8")
    code, out, err = run(capsys, "import", "clients", str(clients), "--dry-run", "--db", url)
    assert code == 0 and "Se importarían 2" in out and err == ""
    code, out, _ = run(capsys, "export", "clients", "--db", url)
    assert out == "name,tax_id,notes,active\n"  # the dry run changed nothing
    assert run(capsys, "import", "clients", str(clients), "--db", url)[0] == 0

    bad = tmp_path / "contratos.csv"
    bad.write_text(
        "number,client,starts_on,ends_on\n"
        "CM-1,Cervecería Istmo,2026-01-01,2026-12-31\n"
        "CM-2,Nadie,2026-01-01,2026-12-31\n"
        "CM-3,Farmacias Unidas,2026-05-01,2026-01-01\n",
        "utf-8",
    )
    code, out, err = run(capsys, "import", "contracts", str(bad), "--db", url)
    lines = err.strip().splitlines()
    assert code == 2 and out == ""
    assert lines[0].startswith("imr-console: contratos.csv, línea 3: cliente desconocido")
    assert lines[1].startswith("imr-console: contratos.csv, línea 4: el fin del contrato")
    assert "no se importó ningún registro" in lines[2] and len(lines) == 3
    code, out, _ = run(capsys, "export", "contracts", "--db", url)
    assert (
        out.strip() == "number,client,starts_on,ends_on,products,critical_line_24x7,coverage_notes"
    )

    code, _, err = run(capsys, "import", "products", str(tmp_path / "nada.csv"), "--db", url)
    assert code == 2 and err.count("\n") == 1 and "No existe el archivo" in err

    code, out, _ = run(capsys, "export", "clients", "--db", url)
    assert "Cervecería Istmo,155-1,,sí" in out
    code, out, _ = run(capsys, "export", "tickets", "--format", "json", "--db", url)
    assert code == 0 and out.strip() == "[]"
