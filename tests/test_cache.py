"""build_tools.cache and the cached build: same output, and only changed reports are redone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools import cache
from build_tools.cache import Store, site_digest, source_key
from build_tools.sitegen import build_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(tmp_path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOT / "source_texts", src)
    return src


def test_cached_build_equals_uncached(corpus, tmp_path):
    plain = build_corpus(corpus)
    first = build_corpus(corpus, cache_dir=tmp_path / "c")
    second = build_corpus(corpus, cache_dir=tmp_path / "c")
    assert plain.files == first.files == second.files
    assert first.stats == {"converted": 6, "rendered": 6}
    assert second.stats == {"converted": 0, "rendered": 0}


@pytest.mark.parametrize(
    "edit, converted, rendered",
    [
        ("text", 1, 1),  # one report's words
        ("sidecar", 1, 1),  # its errata file
        ("symbol", 1, 6),  # a symbol the others' links may resolve to: every page is rendered again
    ],
)
def test_edit_redoes_only_what_changed(corpus, tmp_path, edit, converted, rendered):
    build_corpus(corpus, cache_dir=tmp_path / "c")
    if edit == "text":
        p = corpus / "S_2018_241.txt"
        p.write_text(p.read_text(encoding="utf-8").replace("The present report", "This report", 1), encoding="utf-8")
    elif edit == "sidecar":
        p = corpus / "A_70_357.errata.yml"
        p.write_text(p.read_text(encoding="utf-8").replace("section letter C", "letter C"), encoding="utf-8")
    else:
        (corpus / "A_62_627.yml").write_text("symbol: A/62/627/Rev.1\n", encoding="utf-8")
    result = build_corpus(corpus, cache_dir=tmp_path / "c")
    assert result.stats == {"converted": converted, "rendered": rendered}
    assert result.files == build_corpus(corpus).files


def test_source_key_covers_text_sidecars_and_code(corpus, monkeypatch):
    path = corpus / "A_62_627.txt"
    key = source_key(path)
    assert source_key(path) == key
    (corpus / "A_62_627.errata.yml").write_text("errata: []\n", encoding="utf-8")
    with_errata = source_key(path)
    assert with_errata != key
    monkeypatch.setattr(cache, "code_version", lambda: "other code")
    assert source_key(path) != with_errata


def test_site_digest_depends_on_published_symbols_only():
    a = site_digest({"A/1/1": "A/1/1/", "S/1/1": "S/1/1/"}, "https://undocs.org/")
    assert a == site_digest({"S/1/1": "S/1/1/", "A/1/1": "A/1/1/"}, "https://undocs.org/")
    assert a != site_digest({"A/1/1": "A/1/1/"}, "https://undocs.org/")
    assert a != site_digest({"A/1/1": "A/1/1/", "S/1/1": "S/1/1/"}, "https://example.org/")


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_damaged_entry_is_a_miss(tmp_path, damage):
    store = Store(tmp_path)
    store.put("ab" * 32, {"x": 1})
    assert store.get("ab" * 32) == {"x": 1}
    next(tmp_path.glob("*/*.pickle")).write_bytes(damage)
    assert store.get("ab" * 32) is None
    assert store.get("cd" * 32) is None


def test_prune_keeps_only_current_entries(tmp_path):
    store = Store(tmp_path)
    for key in ("aa" * 32, "bb" * 32, "cc" * 32):
        store.put(key, key)
    assert store.prune({"bb" * 32}) == 2
    assert store.get("bb" * 32) == "bb" * 32 and store.get("aa" * 32) is None
