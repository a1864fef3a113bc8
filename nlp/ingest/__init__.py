"""Format readers: each turns a file into an `Ingested` text with its raw offset map.

The package's face: the contract lives in ingested.py and `read_document` in document.py,
so no reader imports this file back.
"""

from nlp.ingest.document import MAX_BYTES, SUPPORTED_SUFFIXES, read_document
from nlp.ingest.ingested import Ingested, RawFootnote

__all__ = ["Ingested", "RawFootnote", "read_document", "SUPPORTED_SUFFIXES", "MAX_BYTES"]
