"""The workbook's own error for input it cannot use."""

from __future__ import annotations


class CorpusError(ValueError):
    """A corpus that cannot be loaded, naming the file (and row or line) and the reason.

    >>> str(CorpusError("no such file or folder", source="missing/"))
    'missing/: no such file or folder'
    """

    def __init__(self, reason: str, source: str | None = None, row: int | None = None):
        self.reason = reason
        self.source = source
        self.row = row
        where = source or ""
        if row is not None:
            where = f"{where} (row {row})" if where else f"row {row}"
        super().__init__(f"{where}: {reason}" if where else reason)
