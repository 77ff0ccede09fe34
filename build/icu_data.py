"""Trim the ICU data library that Qt Core links on Linux (build time only, used by the spec).

PySide6's Linux wheels ship ``libicudata.so.<N>``: one exported symbol, ``icudt<N>_dat``, that is
ICU's whole common data package (about 31 MiB: collation, names of languages, regions, currencies
and units in every language, character-set converters, CJK/Thai word dictionaries). Qt uses ICU
for collation, case mapping, code-page converters and time zones; the console speaks Spanish and
English. This module keeps every non-locale item (core Unicode data, normalisation, time zones,
supplemental data, break rules) plus the ``root``, ``es*`` and ``en*`` locale bundles; it drops
the other languages, the word dictionaries (CJK, Thai, Lao, Khmer, Burmese: word breaking in those
scripts falls back to ICU's simple rules), the transliterators and the code-page converters
(Qt only needs them for ``QStringDecoder("<legacy code page>")``, which the console never calls;
UTF-8/16/32, Latin-1 and US-ASCII are built into ICU's code, and mail is decoded by Python),
and links a replacement ``libicudata.so.<N>`` with the same soname and symbol. Anything ICU does
not find falls back to ``root`` (ICU's normal behaviour for a locale it does not have).

    python build/icu_data.py SRC.so DEST.so     # prints the sizes

Needs a C compiler (``cc``) to assemble the library; without one the caller keeps the original.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("root", "es", "en")
_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3}|root)(_[A-Za-z0-9]*)*\.res$")
_SYMBOL = re.compile(rb"icudt(\d+)_dat")


def _keep(name: str) -> bool:
    """Whether an item (``icudt73l/coll/es.res``, ``icudt73l/ibm-943_P15A-2003.cnv`` …) stays."""
    parts = name.split("/")[1:]  # drop the package prefix
    leaf = parts[-1]
    if leaf.endswith((".dict", ".cnv")) or parts[0] == "translit":
        return False
    match = _LOCALE.match(leaf)
    if match is None or leaf in ("pool.res",):
        return True  # not a locale bundle: core data, time zones, rules, the pool, res_index
    return match.group("lang") in KEEP_LANGUAGES


def trim_package(data: bytes) -> bytes:
    """A smaller ICU common-data package (``.dat`` layout) with only the kept items."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items: list[tuple[str, bytes]] = []
    for index, (name_offset, data_offset) in enumerate(entries):
        end = data.index(b"\0", toc + name_offset)
        name = data[toc + name_offset : end].decode("ascii")
        stop = entries[index + 1][1] if index + 1 < count else len(data) - toc
        payload = data[toc + data_offset : toc + stop]
        if _keep(name):
            items.append((name, payload))
    # same layout as icupkg writes: header, TOC (count + pairs), names, then 16-aligned items
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    names_start = toc_size
    data_start = names_start + len(names)
    data_start += (-(header_size + data_start)) % 16
    offsets, name_pos, body = [], names_start, bytearray()
    for name, payload in items:
        offsets.append((name_pos, data_start + len(body)))
        name_pos += len(name) + 1
        body += payload
        body += b"\0" * ((-len(body)) % 16)
    out = bytearray(data[:header_size])
    out += struct.pack("<I", len(items))
    for pair in offsets:
        out += struct.pack("<II", *pair)
    out += names
    out += b"\0" * (header_size + data_start - len(out))
    out += body
    return bytes(out)


def _extract(library: Path) -> tuple[str, bytes]:
    """(symbol name, package bytes) from a ``libicudata.so``: the symbol's value and size."""
    output = subprocess.run(
        ["readelf", "-Ws", "--dyn-syms", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in output.splitlines():
        fields = line.split()
        if len(fields) >= 8 and _SYMBOL.fullmatch(fields[-1].encode()):
            value, size = int(fields[1], 16), int(fields[2], 0)
            break
    else:
        raise ValueError(f"no icudt*_dat symbol in {library}")
    sections = subprocess.run(
        ["readelf", "-WS", str(library)], capture_output=True, text=True, check=True
    ).stdout
    raw = library.read_bytes()
    for line in sections.splitlines():  # file offset of the section holding the symbol
        match = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if match:
            address, offset, length = (int(match.group(i), 16) for i in (2, 3, 4))
            if address <= value < address + length:
                start = offset + (value - address)
                return fields[-1], raw[start : start + size]
    raise ValueError(f"symbol {fields[-1]} not in any section of {library}")


def soname(library: Path) -> str:
    output = subprocess.run(
        ["readelf", "-Wd", str(library)], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", output)
    return match.group(1) if match else library.name


def rebuild(source: Path, dest: Path) -> bool:
    """Write a trimmed copy of ``source`` to ``dest``; False (nothing written) without the tools."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or shutil.which("readelf") is None:
        return False
    symbol, package = _extract(source)
    trimmed = trim_package(package)
    with tempfile.TemporaryDirectory(prefix="imr-icu-") as temp:
        blob = Path(temp) / "icudata.dat"
        blob.write_bytes(trimmed)
        assembly = Path(temp) / "icudata.S"
        assembly.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{blob}"\n'
            f"\t.size {symbol}, .-{symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        built = Path(temp) / "libicudata.so"
        subprocess.run(
            [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname(source)}", "-Wl,-s",
             "-o", str(built), str(assembly)],
            check=True, capture_output=True,
        )  # fmt: skip
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, dest)
    return True


if __name__ == "__main__":
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    if not rebuild(src, dst):
        sys.exit("icu_data: no C compiler or readelf; nothing done")
    print(f"{src.stat().st_size / 2**20:.1f} MiB -> {dst.stat().st_size / 2**20:.1f} MiB")
