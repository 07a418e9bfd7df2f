"""Pagefind input: one page per site page, records recoverable from it, OCR text escaped."""

from __future__ import annotations

import html
import json
import re
import time

import pytest
from bs4 import BeautifulSoup

from build_tools.search_index import SearchRecord, build_records, pagefind_pages


def _rows(page: str) -> tuple[str, list]:
    soup = BeautifulSoup(page, "html.parser")
    target = soup.find(attrs={"data-pagefind-meta": "target[data-v]"})["data-v"]
    rows = json.loads(soup.find(attrs={"data-pagefind-meta": "records[data-v]"})["data-v"])
    return target, rows


def test_one_page_per_site_page_and_every_record_listed(reports):
    records = build_records(reports.values())
    pages = pagefind_pages(records)
    site_pages = {r.url.partition("#")[0] for r in records}
    assert len(pages) == len(site_pages) < len(records) / 5
    listed = {}
    for page in pages:
        target, rows = _rows(page)
        for fragment, title, kind, context, length, order in rows:
            listed[order] = (target + ("#" + fragment if fragment else ""), title, kind, context, length)
    assert sorted(listed) == list(range(len(records)))
    for order, r in enumerate(records):
        text = " ".join(r.text.split())
        assert listed[order] == (r.url, r.title, r.kind, r.context, len(text.encode("utf-16-le")) // 2)


def test_record_text_follows_its_id_and_the_page_record_comes_first():
    recs = [
        SearchRecord("A/1/1/II/#para-2", "A/1/1 ¶ 2 — Intro", "Second  text", "A/1/1", "paragraph", "Intro"),
        SearchRecord("A/1/1/II/#para-3", "A/1/1 ¶ 3 — Intro", "Third 𝔘 text", "A/1/1", "paragraph", "Intro"),
        SearchRecord("A/1/1/II/", "A/1/1 — Title", "Report line", "A/1/1", "report", "A/1/1 Title"),
    ]
    (page,) = pagefind_pages(recs)
    body = page.split("data-pagefind-body>", 1)[1]
    body = re.sub(r"<span data-pagefind-meta[^>]*></span>", "", body)
    assert body.startswith("<p>Report line</p><h3>A/1/1 Title</h3>")
    assert '<span id="para-2"></span><p>Second text</p><h3>Intro</h3><span id="para-3"></span><p>Third 𝔘 text</p>' in body
    _, rows = _rows(page)
    assert [r[0] for r in rows] == ["", "para-2", "para-3"]
    assert rows[2][4] == len("Third 𝔘 text") + 1  # UTF-16 units, as JavaScript counts
    assert [r[5] for r in rows] == [2, 0, 1]


def test_ocr_text_is_escaped_everywhere():
    evil = '"><script>alert(1)</script><p id="x'
    recs = [SearchRecord("A/1/1/II/#para-1", evil, evil, "A/1/1", "paragraph", evil)]
    (page,) = pagefind_pages(recs)
    assert "<script>" not in page and 'id="x' not in page
    _, rows = _rows(page)
    assert rows[0][1] == rows[0][3] == evil
    assert html.unescape(page).count(evil) >= 2


def test_two_page_records_for_one_page_are_refused():
    recs = [SearchRecord("A/1/1/", "a", "x", "A/1/1", "report"), SearchRecord("A/1/1/", "b", "y", "A/1/1", "report")]
    with pytest.raises(ValueError, match="no fragment"):
        pagefind_pages(recs)


def test_deterministic(reports):
    records = build_records(reports.values())
    assert pagefind_pages(records) == pagefind_pages(list(records))


def test_a_failing_index_job_is_one_error_from_wait_not_a_thread_traceback(tmp_path, monkeypatch):
    import threading

    from build_tools.errors import OutputError
    from build_tools.search_index import PagefindJob

    crashed = []
    monkeypatch.setattr(threading, "excepthook", lambda args: crashed.append(args))
    recs = [SearchRecord("A/1/1/", "a", "x", "A/1/1", "report"), SearchRecord("A/1/1/", "b", "y", "A/1/1", "report")]
    job = PagefindJob(recs, tmp_path).start()
    with pytest.raises(OutputError, match="pagefind failed: .*no fragment"):
        job.wait()
    assert not crashed


def _records(n: int) -> list[SearchRecord]:
    return [SearchRecord(f"A/1/{i}/", f"p{i}", f"text {i} of the peace report", "A/1/1", "report") for i in range(n)]


def test_a_job_cancelled_before_it_starts_or_at_once_leaves_nothing(tmp_path):
    """Ctrl-C can stop a build anywhere around the index job: before its thread starts, while it
    writes the pages, or while Pagefind runs. cancel() works at each point, removes the scratch
    pages, and nothing raises (not even at interpreter exit)."""
    from build_tools.search_index import PagefindJob

    PagefindJob(_records(3), tmp_path / "a", scratch=tmp_path).cancel()  # never started
    for delay in (0, 0.01, 0.2, 1.0):
        job = PagefindJob(_records(2000), tmp_path / "b", scratch=tmp_path).start()
        time.sleep(delay)
        job.cancel()
        assert not job._thread.is_alive()
        assert not list(tmp_path.glob("pagefind-records-*"))


def test_a_report_annexed_to_a_letter_says_so_in_the_inline_index():
    """Offline, search.js reads which annex a report's text is in from its row's sixth field
    (typed "S/2099/421, annex, para. 1"); other rows keep five."""
    import json

    from build_tools.pipeline import convert_text
    from build_tools.search_index import build_records, search_data_js

    letter = ("S/2099/421\n\nSecurity Council\n\nLetter dated 5 June 2099 from the Secretary-General addressed to\n"
              "the President of the Security Council\nI transmit the report (see annex).\n\nAnnex\n"
              "Report of the Panel\nI. Introduction\n1. The Panel met.\n")
    records = build_records([convert_text(letter, "S_2099_421.txt")])
    script = search_data_js(records)
    rows = json.loads(script[script.index("=") + 1 : -2])["rows"]
    assert [len(r) for r in rows if r[3] == "report"] == [6] and rows[0][5] == ""
    assert {len(r) for r in rows if r[3] != "report"} == {5}


def test_an_annex_paragraph_is_titled_with_its_annex(reports):
    """Search showed "S/2018/241 ¶ 10" for annex I's paragraph 10, which is not the body's."""
    from build_tools.search_index import report_records

    titles = {r.url.rsplit("#", 1)[-1]: r.title for r in report_records(reports["S/2018/241"])}
    assert titles["annex-I-para-10"].startswith("S/2018/241 annex I ¶ 10")
    assert titles["para-10"].startswith("S/2018/241 ¶ 10")


def test_a_rebuilt_tables_record_reads_row_by_row(reports):
    """Annex II of S/2006/592 comes column by column: its excerpt read "… Uruguay Vanuatu Yemen
    …" and then the figures. The record holds the same cells row by row, so a result reads as
    the row it matched; a mark run into a label is its own word ("Canada a"), so "Canada" is found."""
    from build_tools.search_index import report_records

    texts = {r.url.rsplit("#", 1)[-1]: r.text for r in report_records(reports["S/2006/592"])}
    table = texts["annex-II-text-1"]
    assert "; Vanuatu 3 — 3; " in table and "; Canada a 68 — 68; " in table
    assert table.startswith("Country Civilian police officers Formed police units Total; Argentina 4 — 4")
    cells = reports["S/2006/592"].block("annex-II-text-1").cells
    assert sorted("".join(table.replace(";", "").split())) == sorted("".join("".join(cells).split()))
    assert texts["para-1"] == reports["S/2006/592"].block("para-1").text  # prose as it is
