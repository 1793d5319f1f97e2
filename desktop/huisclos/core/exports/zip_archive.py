"""A zip archive read and rewritten at the byte level: workbooks (.xlsx, .ods) are zip files, and
a cleaned copy must keep every untouched member exactly as it was.

:class:`ZipArchive` parses the central directory of the file's bytes (ZIP64 and data descriptors
understood), knows where each member's local header, compressed data and descriptor lie, and
decompresses a member on demand — within limits, so that a «zip bomb» (a small file that
inflates to gigabytes) is refused in a moment instead of filling the memory: a part may not
inflate to more than :data:`MAX_RATIO` times its compressed size (parts under
:data:`SMALL_PART` are always allowed), nor past :data:`MAX_PART`; all parts read from one file
together stay under :data:`MAX_TOTAL`. A real 1,000,000-row × 30-column export (about 1.3 GB of
sheet XML, compressed about 8 times) is well inside them.

:class:`ZipWriter` writes a new archive member by member: an untouched member is copied as its
original bytes (local header, data and descriptor), a changed one is deflated anew with the same
name, time and flags; the central directory keeps the original order and comment.

Every malformed structure raises ``ExportError`` with a French sentence (never ``struct.error``,
``zlib.error`` or ``IndexError``).

Threading: a :class:`ZipArchive` is read-only after construction, except for the running total
of inflated bytes; read members from one thread at a time.
"""

from __future__ import annotations

import logging
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import BinaryIO

from ..errors import ExportError

logger = logging.getLogger(__name__)

MAX_RATIO = 100
"""The most a part may inflate, relative to its compressed size (real sheets: 4 to 30 times)."""
SMALL_PART = 64 << 20
"""Parts that inflate to less than this are allowed whatever their ratio."""
MAX_PART = 3 << 30
"""The largest part accepted once inflated (3 GB)."""
MAX_TOTAL = 4 << 30
"""The most all the parts read from one archive may inflate to together (4 GB)."""

_LFH = struct.Struct("<4sHHHHHIIIHH")  # local file header (30 bytes)
_CDH = struct.Struct("<4sHHHHHHIIIHHHHHII")  # central directory header (46 bytes)
_EOCD = struct.Struct("<4sHHHHIIH")  # end of central directory (22 bytes)
_EOCD64 = struct.Struct("<4sQHHIIQQQQ")  # zip64 end of central directory (56 bytes)
_LOC64 = struct.Struct("<4sIQI")  # zip64 end of central directory locator (20 bytes)
MAX32 = 0xFFFFFFFF
MAX16 = 0xFFFF
_STORED, _DEFLATED = 0, 8


class DamagedArchive(ExportError):
    """The zip structure is broken (the message says so in French)."""


def _extras(blob: bytes) -> list[tuple[int, bytes]]:
    out = []
    index = 0
    while index + 4 <= len(blob):
        tag, size = struct.unpack_from("<HH", blob, index)
        out.append((tag, blob[index + 4 : index + 4 + size]))
        index += 4 + size
    return out


def _pack_extras(items: list[tuple[int, bytes]]) -> bytes:
    return b"".join(struct.pack("<HH", tag, len(body)) + body for tag, body in items)


@dataclass(slots=True)
class Member:
    """One member as found in the archive: its central directory record and where its local
    header, data and data descriptor lie in the file."""

    name: str
    central: tuple[int, ...]  # the 17 fields of its central directory record
    central_name: bytes
    central_extra: bytes
    central_comment: bytes
    crc: int
    compressed_size: int
    size: int
    offset: int  # of the local header
    local: tuple[int, ...] = ()
    local_name: bytes = b""
    local_extra: bytes = b""
    data_start: int = 0
    raw_end: int = 0  # end of the data and its descriptor

    @property
    def method(self) -> int:
        return self.central[4]

    @property
    def flags(self) -> int:
        return self.central[3]


class ZipArchive:
    """The members of a zip file held in memory as ``data`` (the bytes that were read)."""

    def __init__(self, data: bytes, file_name: str) -> None:
        self.data = data
        self.file_name = file_name
        self.inflated = 0
        try:
            self.members = self._read_directory()
            for member in self.members:
                self._locate(member)
        except (struct.error, IndexError, ValueError, UnicodeDecodeError) as error:
            raise self.damaged("structure de l'archive illisible") from error
        self._check_layout()
        self.by_name = {member.name: member for member in self.members}
        if len(self.by_name) != len(self.members):
            raise self.damaged("deux parties portent le même nom")

    # --- errors --------------------------------------------------------------------------
    def damaged(self, detail: str) -> DamagedArchive:
        return DamagedArchive(
            f"Le classeur « {self.file_name} » est incomplet ou abîmé ({detail}) : il ne peut pas "
            "être lu. "
            "Exportez-le de nouveau depuis le logiciel du cabinet, ou ouvrez-le dans Excel ou "
            "LibreOffice et enregistrez-le sous un autre nom."
        )

    def _too_big(self, name: str, size: int, compressed: int) -> ExportError:
        limit = max(SMALL_PART, min(MAX_PART, MAX_RATIO * compressed))
        return ExportError(
            f"Le classeur « {self.file_name} » n'a pas été ouvert : sa partie « {name} » se "
            f"décompresse en {_megabytes(size)} Mo ou plus, au-delà de la limite de "
            f"{_megabytes(limit)} Mo ({MAX_RATIO} fois sa taille compressée, {_megabytes(MAX_PART)}"
            " Mo au plus). Ce n'est pas un export ordinaire : le fichier est peut-être piégé. "
            "Demandez un nouvel export au logiciel du cabinet."
        )

    # --- reading the structure ---------------------------------------------------------------
    def _read_directory(self) -> list[Member]:
        data = self.data
        end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
        if end < 0 or end + _EOCD.size > len(data):
            raise self.damaged("fin d'archive introuvable : le fichier est sans doute tronqué")
        _sig, disk, cd_disk, _n_disk, count, cd_size, cd_offset, _comment_size = _EOCD.unpack_from(
            data, end
        )
        self.comment = data[end + _EOCD.size : end + _EOCD.size + _comment_size]
        if disk != 0 or cd_disk != 0:
            raise self.damaged("archive en plusieurs morceaux")
        if count == MAX16 or MAX32 in (cd_size, cd_offset):
            locator = end - _LOC64.size
            if locator < 0 or _LOC64.unpack_from(data, locator)[0] != b"PK\x06\x07":
                raise self.damaged("en-tête ZIP64 incomplet")
            eocd64 = _LOC64.unpack_from(data, locator)[2]
            fields = _EOCD64.unpack_from(data, eocd64)
            if fields[0] != b"PK\x06\x06":
                raise self.damaged("en-tête ZIP64 incomplet")
            count, cd_size, cd_offset = fields[7], fields[8], fields[9]
        if cd_offset + cd_size > len(data) or count > len(data) // _CDH.size:
            raise self.damaged("répertoire de l'archive hors du fichier")
        members: list[Member] = []
        position = cd_offset
        for _ in range(count):
            fields = _CDH.unpack_from(data, position)
            if fields[0] != b"PK\x01\x02":
                raise self.damaged("répertoire de l'archive illisible")
            name_size, extra_size, comment_size = fields[10], fields[11], fields[12]
            start = position + _CDH.size
            raw_name = data[start : start + name_size]
            extra = data[start + name_size : start + name_size + extra_size]
            comment = data[
                start + name_size + extra_size : start + name_size + extra_size + comment_size
            ]
            position = start + name_size + extra_size + comment_size
            crc, compressed, size, offset = fields[7], fields[8], fields[9], fields[16]
            for tag, body in _extras(extra):
                if tag == 1:  # zip64: only the fields whose 32-bit value is 0xFFFFFFFF
                    values = list(struct.unpack_from(f"<{len(body) // 8}Q", body))
                    if size == MAX32 and values:
                        size = values.pop(0)
                    if compressed == MAX32 and values:
                        compressed = values.pop(0)
                    if offset == MAX32 and values:
                        offset = values.pop(0)
            name = raw_name.decode("utf-8" if fields[3] & 0x800 else "cp437")
            members.append(
                Member(name, fields, raw_name, extra, comment, crc, compressed, size, offset)
            )
        return members

    def _locate(self, member: Member) -> None:
        data = self.data
        local = _LFH.unpack_from(data, member.offset)
        if local[0] != b"PK\x03\x04":
            raise self.damaged(f"partie « {member.name} » introuvable")
        name_size, extra_size = local[9], local[10]
        member.local = local
        member.local_name = data[member.offset + 30 : member.offset + 30 + name_size]
        member.local_extra = data[
            member.offset + 30 + name_size : member.offset + 30 + name_size + extra_size
        ]
        start = member.offset + 30 + name_size + extra_size
        end = start + member.compressed_size
        if end > len(data):
            raise self.damaged(f"partie « {member.name} » tronquée")
        if local[2] & 0x08:  # a data descriptor follows: with or without signature, 32/64-bit
            end = self._descriptor_end(member, end)
        member.data_start = start
        member.raw_end = end

    def _descriptor_end(self, member: Member, end: int) -> int:
        data = self.data
        wide_only = any(tag == 1 for tag, _ in _extras(member.local_extra))
        for signed in (True, False):
            for wide in (True,) if wide_only else (False, True):
                position = end
                if signed:
                    if data[position : position + 4] != b"PK\x07\x08":
                        continue
                    position += 4
                layout = "<IQQ" if wide else "<III"
                if position + struct.calcsize(layout) > len(data):
                    continue
                crc, compressed, size = struct.unpack_from(layout, data, position)
                if (crc, compressed, size) == (member.crc, member.compressed_size, member.size):
                    return position + struct.calcsize(layout)
        raise self.damaged(f"fin de la partie « {member.name} » illisible")

    def _check_layout(self) -> None:
        """Members must not overlap (a trick of some zip bombs) nor run into the directory."""
        spans = sorted((member.offset, member.raw_end, member.name) for member in self.members)
        for (_start, end, name), (next_start, _next_end, _next_name) in pairwise(spans):
            if end > next_start:
                raise self.damaged(f"la partie « {name} » chevauche la suivante")
        for member in self.members:
            if member.flags & 0x01:
                raise ExportError(
                    f"Le classeur « {self.file_name} » est protégé par un mot de passe. "
                    "Ouvrez-le dans Excel, enregistrez une copie sans mot de passe, puis "
                    "ouvrez cette copie."
                )

    # --- reading members ---------------------------------------------------------------------
    def names(self) -> list[str]:
        return [member.name for member in self.members]

    def __contains__(self, name: object) -> bool:
        return name in self.by_name

    def compressed(self, member: Member) -> memoryview:
        return memoryview(self.data)[member.data_start : member.data_start + member.compressed_size]

    def read(self, name: str) -> bytes:
        """The inflated bytes of member ``name`` (checked against its CRC); ``KeyError`` when
        absent; ``ExportError`` when damaged or over the limits."""
        member = self.by_name[name]
        compressed = member.compressed_size
        limit = max(SMALL_PART, min(MAX_PART, MAX_RATIO * compressed))
        if member.size > limit:
            raise self._too_big(name, member.size, compressed)
        if self.inflated + member.size > MAX_TOTAL:
            raise self._too_big(name, self.inflated + member.size, compressed)
        source = self.compressed(member)
        if member.method == _STORED:
            out = bytes(source)
        elif member.method == _DEFLATED:
            inflater = zlib.decompressobj(-15)
            try:
                out = inflater.decompress(source, member.size + 1)
            except zlib.error as error:
                raise self.damaged(f"partie « {name} » illisible") from error
            if len(out) > member.size:
                raise self.damaged(f"partie « {name} » plus grande qu'annoncé")
        else:
            raise self.damaged(f"méthode de compression {member.method} inconnue")
        if len(out) != member.size or zlib.crc32(out) != member.crc:
            raise self.damaged(f"partie « {name} » altérée")
        self.inflated += len(out)
        return out

    def read_optional(self, name: str | None) -> bytes | None:
        """The member's bytes, or None when ``name`` is None or absent."""
        if not name or name not in self.by_name:
            return None
        return self.read(name)


def _megabytes(size: int) -> str:
    return f"{size / 1e6:,.0f}".replace(",", "\u202f")


class ZipWriter:
    """Writes an archive in order: original members copied byte for byte, or new contents
    deflated under an original member's name, time and flags. Streams: a changed member is
    written piece by piece, its local header patched afterwards (no data descriptor)."""

    def __init__(self, handle: BinaryIO, archive: ZipArchive, *, zip64: bool = False) -> None:
        self.out = handle
        self.archive = archive
        self.force_zip64 = zip64
        self.records: dict[str, tuple[int, dict[str, int] | None]] = {}

    def copy(self, member: Member) -> None:
        """The member exactly as it is in the original file."""
        offset = self.out.tell()
        self.out.write(memoryview(self.archive.data)[member.offset : member.raw_end])
        self.records[member.name] = (offset, None)

    def write(self, member: Member, pieces: Iterable[bytes], level: int = 6) -> None:
        """New contents for ``member``: ``pieces`` are its inflated bytes, in order."""
        offset = self.out.tell()
        method = _STORED if member.method == _STORED else _DEFLATED
        big = self.force_zip64 or member.size > 0x7FFFFFFF
        extras = [(tag, body) for tag, body in _extras(member.local_extra) if tag != 1]
        if big:
            extras.insert(0, (1, struct.pack("<QQ", 0, 0)))
        extra = _pack_extras(extras)
        flags = member.local[2] & ~0x08
        version = max(member.local[1], 45 if big else 20)
        header = _LFH.pack(
            b"PK\x03\x04", version, flags, method, member.local[4], member.local[5], 0,
            MAX32 if big else 0, MAX32 if big else 0, len(member.local_name), len(extra),
        )  # fmt: skip
        self.out.write(header + member.local_name + extra)
        crc = size = compressed = 0
        deflater = zlib.compressobj(level, zlib.DEFLATED, -15) if method == _DEFLATED else None
        for piece in pieces:
            if not piece:
                continue
            crc = zlib.crc32(piece, crc)
            size += len(piece)
            block = deflater.compress(piece) if deflater is not None else bytes(piece)
            if block:
                self.out.write(block)
                compressed += len(block)
        if deflater is not None:
            block = deflater.flush()
            self.out.write(block)
            compressed += len(block)
        end = self.out.tell()
        if not big and (size >= MAX32 or compressed >= MAX32):
            raise ExportError(
                f"La partie « {member.name} » dépasserait 4 Go une fois modifiée : la copie n'a "
                "pas été écrite. Enregistrez le classeur en .csv, puis réessayez."
            )
        self.out.seek(offset + 14)
        if big:
            self.out.write(struct.pack("<III", crc, MAX32, MAX32))
            self.out.seek(offset + 30 + len(member.local_name) + 4)
            self.out.write(struct.pack("<QQ", size, compressed))
        else:
            self.out.write(struct.pack("<III", crc, compressed, size))
        self.out.seek(end)
        self.records[member.name] = (
            offset,
            {"crc": crc, "compressed": compressed, "size": size, "method": method,
             "flags": flags, "version": version},
        )  # fmt: skip

    def finish(self) -> None:
        """The central directory (original order, new offsets and sizes) and its end."""
        start = self.out.tell()
        count = 0
        for member in self.archive.members:
            if member.name not in self.records:
                continue
            offset, new = self.records[member.name]
            fields = list(member.central)
            crc, compressed, size = member.crc, member.compressed_size, member.size
            if new:
                crc, compressed, size = new["crc"], new["compressed"], new["size"]
                fields[3] = (fields[3] & ~0x08) | (new["flags"] & 0x800)
                fields[4] = new["method"]
                fields[2] = max(fields[2], new["version"])
            wide = self.force_zip64 or max(size, compressed, offset) >= MAX32
            others = [(tag, body) for tag, body in _extras(member.central_extra) if tag != 1]
            if wide:
                fields[7], fields[8], fields[9], fields[16] = crc, MAX32, MAX32, MAX32
                others.insert(0, (1, struct.pack("<QQQ", size, compressed, offset)))
                fields[2] = max(fields[2], 45)
                fields[1] = (fields[1] & 0xFF00) | max(fields[1] & 0xFF, 45)
            else:
                fields[7], fields[8], fields[9], fields[16] = crc, compressed, size, offset
            had_zip64 = any(tag == 1 for tag, _ in _extras(member.central_extra))
            extra = _pack_extras(others) if (wide or had_zip64) else member.central_extra
            fields[11] = len(extra)
            self.out.write(
                _CDH.pack(*fields) + member.central_name + extra + member.central_comment
            )
            count += 1
        end = self.out.tell()
        size = end - start
        comment = self.archive.comment
        if self.force_zip64 or count >= MAX16 or start >= MAX32 or size >= MAX32:
            self.out.write(_EOCD64.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, start))
            self.out.write(_LOC64.pack(b"PK\x06\x07", 0, end, 1))
            self.out.write(
                _EOCD.pack(
                    b"PK\x05\x06",
                    0,
                    0,
                    min(count, MAX16),
                    min(count, MAX16),
                    min(size, MAX32),
                    min(start, MAX32),
                    len(comment),
                )
            )
        else:
            self.out.write(_EOCD.pack(b"PK\x05\x06", 0, 0, count, count, size, start, len(comment)))
        self.out.write(comment)


BIG_PART = 16 << 20
"""Parts larger than this are deflated at level 1 (several times faster), smaller at 6."""


def write_archive(handle: BinaryIO, archive: ZipArchive, parts: dict[str, Iterable[bytes]]) -> None:
    """Write ``archive`` to ``handle`` with the members named in ``parts`` replaced by new
    contents (their pieces, in order) and every other member copied byte for byte."""
    writer = ZipWriter(handle, archive)
    for member in sorted(archive.members, key=lambda m: m.offset):
        pieces = parts.get(member.name)
        if pieces is None:
            writer.copy(member)
        else:
            writer.write(member, pieces, 1 if member.size > BIG_PART else 6)
    writer.finish()
