"""Reading delimited files row by row with the physical line number of each row.

Every parser reports errors as file:line, so rows carry the line on which they start
(a quoted field may span lines, as in schochastics' goal files).
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from pathlib import Path

from matchfacts.errors import ParseError

logger = logging.getLogger(__name__)


def read_rows(
    path: Path, label: str, delimiter: str = ",", required: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, row) for each data row; the header is line 1.

    `label` is how the file is named in errors (its registry path). A row whose field
    count differs from the header's is an error, never padded or cut.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise ParseError(label, 1, "empty file: no header row") from None
        missing = [name for name in required if name not in header]
        if missing:
            raise ParseError(label, 1, f"header lacks column(s) {', '.join(missing)}")
        start = reader.line_num + 1
        try:
            for fields in reader:
                if not any(field.strip() for field in fields):
                    # A blank line, or one of bare separators, carries no data to lose.
                    logger.info("%s:%d: empty row skipped", label, start)
                    start = reader.line_num + 1
                    continue
                if len(fields) != len(header):
                    raise ParseError(
                        label,
                        start,
                        f"{len(fields)} fields where the header has {len(header)}: {fields!r}"[
                            :300
                        ],
                    )
                yield start, dict(zip(header, fields, strict=True))
                start = reader.line_num + 1
        except csv.Error as exc:
            raise ParseError(label, reader.line_num, f"malformed CSV: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise ParseError(label, None, f"not UTF-8 text: {exc}") from exc


def int_or_none(value: str, label: str, line: int, column: str) -> int | None:
    """An integer from a field that may be empty, 'NA' or written as a float ('3.0')."""
    text = value.strip()
    if text in ("", "NA"):
        return None
    try:
        number = float(text)
    except ValueError:
        raise ParseError(label, line, f"{column}: {value!r} is not a number") from None
    if not number.is_integer() or number < 0:
        raise ParseError(label, line, f"{column}: {value!r} is not a whole number")
    return int(number)
