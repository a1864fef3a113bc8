"""The statistical NER: a spaCy pipeline over underthesea's word segmentation.

The tokenizer is registered as ``vnreport.underthesea_tokenizer.v1`` so a model directory
loads with ``spacy.load`` once this module is imported, and its tokens are exactly the words
`nlp.segment.tokenize_words` gives the rest of vnreport. A model is a directory (spaCy's own
files plus ``manifest.json``); the shipped one is package data (``nlp/models/vnreport-ner``,
so a wheel carries it), and `load_model("vnreport-ner")` finds it by name.

>>> from nlp.pipeline import report_from_text, DEFAULT_STAGES
>>> model = load_model()  # doctest: +SKIP
>>> [c.label for c in model_candidates(report_from_text("Sở Tài chính họp."), model)]  # doctest: +SKIP
['AGENCY']
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from nlp.entities.candidate import Candidate
from nlp.entities.syllables import report_blocks
from nlp.errors import InputError
from nlp.types import Report

TOKENIZER_NAME = "vnreport.underthesea_tokenizer.v1"
DEFAULT_MODEL = "vnreport-ner"
SHIPPED_MODELS = Path(__file__).resolve().parent.parent / "models"  # package data
USER_MODELS = Path("models")  # where `vnreport train --out models/NAME` puts yours, found by NAME
CONFIG_PATH = Path(__file__).resolve().parent / "config.cfg"


def word_spans(text: str) -> list[tuple[int, int]]:
    """underthesea words of `text` as (start, end), sentence by sentence, exactly as the
    pipeline segments a paragraph (`segment.split_sentences` then `segment.tokenize_words`)."""
    from nlp import segment

    sentences = segment.split_sentences(text, [(0, len(text))])
    return [(t.start, t.end) for t in segment.tokenize_words(text, sentences)]


def make_doc(vocab, text: str, spans: Sequence[tuple[int, int]]):
    """A Doc of `text` whose tokens are the given word spans (gaps become whitespace/extra tokens)."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for start, end in list(spans) + [(len(text), len(text))]:
        gap = text[pos:start]
        if gap.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        if end > start:
            words.append(text[start:end])
            spaces.append(False)
        pos = end
    return Doc(vocab, words=words, spaces=spaces)


class UndertheseaTokenizer:
    """A spaCy tokenizer whose tokens are underthesea words; ``doc.text == text`` always.

    A single space after a word is that token's trailing whitespace; any other gap (several
    spaces, a tab, characters underthesea skipped) becomes a token of its own.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        return make_doc(self.vocab, text, word_spans(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # Serialization: the tokenizer has no state of its own but a format version.
    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return json.dumps({"name": TOKENIZER_NAME}).encode()

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> "UndertheseaTokenizer":
        if json.loads(data.decode()).get("name") != TOKENIZER_NAME:
            raise ValueError(f"not a {TOKENIZER_NAME} tokenizer")
        return self

    def to_disk(self, path, *, exclude: Sequence[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude: Sequence[str] = ()) -> "UndertheseaTokenizer":
        return self.from_bytes(Path(path).read_bytes())


def _register() -> None:
    import spacy

    if TOKENIZER_NAME not in spacy.registry.tokenizers.get_all():
        @spacy.registry.tokenizers(TOKENIZER_NAME)
        def create_tokenizer():
            return lambda nlp: UndertheseaTokenizer(nlp.vocab)


def blank():
    """An empty Vietnamese spaCy pipeline with our tokenizer."""
    import spacy

    _register()
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})


def model_dir(name_or_path: str | Path) -> Path:
    """A model by path, or by name: a shipped model, else ``models/<name>`` under the
    working directory."""
    path = Path(name_or_path)
    if not path.exists() and not path.is_absolute() and len(path.parts) == 1:
        shipped = SHIPPED_MODELS / str(name_or_path)
        path = shipped if shipped.is_dir() else USER_MODELS / str(name_or_path)
    if not (path / "manifest.json").is_file() or not (path / "config.cfg").is_file():
        raise InputError(path, "not a vnreport model (no manifest.json or config.cfg)",
                         f"train one with `vnreport train` or use {DEFAULT_MODEL}")
    return path


def read_manifest(path: str | Path) -> dict:
    return json.loads((model_dir(path) / "manifest.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_model(name_or_path: str | Path = DEFAULT_MODEL):
    """The spaCy pipeline of a model directory (cached per process)."""
    import spacy

    _register()
    return spacy.load(model_dir(name_or_path))


def predict_spans(nlp, texts: Sequence[str], batch_size: int = 32) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) entity spans of each text."""
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe(texts, batch_size=batch_size)]


def model_candidates(report: Report, nlp, blocks: Sequence[tuple[int, int]] | None = None) -> list:
    """Model entities over `blocks` (default: the report's paragraphs and footnote bodies), as
    merge candidates."""
    if blocks is None:
        blocks = report_blocks(report)
    docs = _block_docs(report, blocks, nlp.vocab) if report.tokens else [report.text[s:e] for s, e in blocks]
    found = predict_spans(nlp, docs)
    return [Candidate(label, start + s, start + e, "model")
            for (start, _), spans in zip(blocks, found) for s, e, label in spans]


def _block_docs(report: Report, blocks, vocab) -> list:
    """Docs built from the report's own tokens: no second segmentation."""
    import bisect

    starts = [t.start for t in report.tokens]
    docs = []
    for start, end in blocks:
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        spans = [(t.start - start, t.end - start) for t in report.tokens[lo:hi] if t.end <= end]
        docs.append(make_doc(vocab, report.text[start:end], spans))
    return docs
