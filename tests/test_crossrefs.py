"""Citations across a small corpus: internal links land on the paragraph, others go to undocs.org."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from sample_texts import LETTER, RESOLUTION

from build_tools.pipeline import convert_text
from build_tools.sitegen import render_corpus

CITED = "S/2099/2\n\nI. One\n\n1. First.\n\nII. Two\n\n2. Second.\n"
CITING = (
    "S/2099/1\n\nI. Intro\n\n1. As set out in paragraph 2 of S/2099/2, and in resolution 1325 (2000), see also"
    " S/2099/2, para. 1 and A/70/95-S/2015/446.\n"
)


def corpus():
    reports = [convert_text(CITED, "S_2099_2.txt"), convert_text(CITING, "S_2099_1.txt")]
    return render_corpus(reports)


def links(html: str):
    soup = BeautifulSoup(html, "html.parser")
    return [(a.get_text(), a["href"], a["class"]) for a in soup.select("a.cite")]


def test_internal_pinpoints_land_on_the_section_page_anchor():
    files = corpus()
    got = links(files["S/2099/1/I/index.md"])
    assert ("S/2099/2", "../../2/II/#para-2", ["cite", "internal"]) in got
    assert ("S/2099/2", "../../2/I/#para-1", ["cite", "internal"]) in got


def test_external_links_go_to_the_official_address():
    got = links(corpus()["S/2099/1/I/index.md"])
    assert ("1325 (2000)", "https://undocs.org/S/RES/1325(2000)", ["cite", "external"]) in got
    assert ("A/70/95", "https://undocs.org/A/70/95", ["cite", "external"]) in got
    assert ("S/2015/446", "https://undocs.org/S/2015/446", ["cite", "external"]) in got


def test_data_json_lists_citations():
    data = json.loads(corpus()["S/2099/1/data.json"])
    targets = [(c["target"], c["internal"], c["paragraph"]) for c in data["citations"]]
    assert ("S/2099/2", True, "para-1") in targets
    assert ("S/RES/1325(2000)", False, "para-1") in targets
    assert all(c["id"].startswith("para-1-cite-") for c in data["citations"])


def test_cited_by_and_the_citations_index():
    files = corpus()
    cited_index = BeautifulSoup(files["S/2099/2/index.md"], "html.parser")
    assert [a.get_text() for a in cited_index.select("ul.cited-by a")] == ["S/2099/1, para. 1"]
    site_index = BeautifulSoup(files["corpus/citations/index.md"], "html.parser")
    targets = [row.td.get_text() for row in site_index.select("table.citations-index tbody tr")]
    assert targets == sorted(targets) and "S/RES/1325(2000)" in targets


# A footnote citing the other report with a pinpoint: footnotes are part of the citation graph.
FOOTNOTED = "S/2099/3\n\nI. Intro\n\n1. As reported earlier.¹\n\n¹ See S/2099/2, para. 2.\n"


def test_footnote_citations_are_linked_counted_and_cited_by():
    reports = [convert_text(CITED, "S_2099_2.txt"), convert_text(FOOTNOTED, "S_2099_3.txt")]
    files = render_corpus(reports)
    # linked in the footnote under the page that refers to it, to the paragraph itself
    assert ("S/2099/2", "../../2/II/#para-2", ["cite", "internal"]) in links(files["S/2099/3/I/index.md"])
    data = json.loads(files["S/2099/3/data.json"])
    assert [(c["id"], c["target"], c["href"]) for c in data["citations"]] == [
        ("fn-1-cite-1", "S/2099/2", "S/2099/2/II/#para-2")
    ]
    # the cited report lists the footnote among the places that cite it, landing on the footnote
    cited_page = BeautifulSoup(files["S/2099/2/index.md"], "html.parser")
    assert any(a["href"].endswith("3/I/#fn-1") for a in cited_page.find_all("a", href=True))
    # ... labelled as a reader cites it, not by its id
    assert "S/2099/3, note 1" in [a.get_text() for a in cited_page.find_all("a", href=True)]
    citing_page = BeautifulSoup(files["S/2099/3/index.md"], "html.parser")
    assert "note 1" in [a.get_text() for a in citing_page.select("li a:not(.cite)")]


def test_places_are_labelled_as_readers_cite_them():
    from build_tools.render import _cite_label

    assert [_cite_label(i) for i in [
        "para-12", "para-7-a", "annex-I-para-3", "annex-II-para-3-b", "fn-1", "fn-star", "fn-star-3",
        "fn-dagger", "fn-u2042", "fn-uffffffff", "summary-1", "sec-II",
    ]] == [
        "para. 12", "para. 7 (a)", "annex I, para. 3", "annex II, para. 3 (b)", "note 1", "note *", "note ***",
        "note †", "note ⁂", "note uffffffff", "summary", "section II",
    ]
    # Unnumbered text is named by where it stands (its id is a place in the file, no citation;
    # "Cited by" printed "A/72/199, front-text-1").
    assert [_cite_label(i) for i in [
        "III-text-2", "annex-II-text-3", "annex-text-1", "part-two-I-text-1", "front-text-1", "body-text-4",
        "summary-12", "sec-IV-A", "h-para-3",
    ]] == [
        "section III", "annex II", "annex", "part two, section I", "opening text", "text", "summary",
        "section IV.A", "h-para-3",
    ]
    # Numbered anew (a part's, a draft's), a sub-item, a resolution's preambular paragraphs: they
    # were printed as their ids ("draft-resolution-II-para-1") where a report cited them.
    assert [_cite_label(i) for i in [
        "para-7-a-i", "part-two-para-4", "draft-resolution-II-para-1", "draft-decision-para-2-b",
        "annex-draft-resolution-2-para-1", "annex-para-3", "pp-3", "draft-resolution-II-pp-2",
        "annex-draft-resolution-I-pp-1", "h-pp-1", "III-text-2", "para-3.12",
    ]] == [
        "para. 7 (a) (i)", "part two, para. 4", "draft resolution II, para. 1", "draft decision, para. 2 (b)",
        "annex, draft resolution 2, para. 1", "annex, para. 3", "preambular para. 3",
        "draft resolution II, preambular para. 2", "annex, draft resolution I, preambular para. 1", "h-pp-1",
        "section III", "para. 3.12",
    ]


def test_a_sub_item_is_rendered_indented_cited_and_linked_to():
    """'(i)' under '(a)' is its own block: 'para. 3 (a) (i)' lands on it from another report,
    and its Cite button gives that citation."""
    cited = "S/2099/2\n\nI. One\n\n3. Options:\n(a) Reduce by:\n(i) closing sites;\n(ii) merging;\n(b) Keep.\n"
    citing = "S/2099/1\n\nI. Intro\n\n1. See S/2099/2, para. 3 (a) (ii), on merging.\n"
    files = render_corpus([convert_text(cited, "S_2099_2.txt"), convert_text(citing, "S_2099_1.txt")])
    assert ("S/2099/2", "../../2/I/#para-3-a-ii", ["cite", "internal"]) in links(files["S/2099/1/I/index.md"])
    sub = BeautifulSoup(files["S/2099/2/I/index.md"], "html.parser").find(id="para-3-a-ii")
    assert sub["class"] == ["para", "item", "subitem"]
    assert sub["data-cite"] == "para. 3 (a) (ii)"
    assert sub.get_text(" ", strip=True) == "(ii) merging;"
    item = BeautifulSoup(files["S/2099/2/I/index.md"], "html.parser").find(id="para-3-a")
    assert item["class"] == ["para", "item"] and item.get_text(" ", strip=True) == "(a) Reduce by:"


def test_a_preambular_pinpoint_lands_on_the_resolutions_preambular_paragraph():
    """ "the third preambular paragraph of resolution 72/199" links to its pp-3 when the site
    publishes it; "Cited by" on the resolution names the citing paragraph."""
    citing = ("S/2099/1\n\nI. Intro\n\n1. As the third preambular paragraph of General Assembly resolution"
              " 72/199 recalls, and paragraph 2 of resolution 72/199 decides.\n")
    files = render_corpus([convert_text(RESOLUTION, "A_RES_72_199.txt"), convert_text(citing, "S_2099_1.txt")])
    got = links(files["S/2099/1/I/index.md"])
    assert ("72/199", "../../../../A/RES/72/199/#pp-3", ["cite", "internal"]) in got
    assert ("72/199", "../../../../A/RES/72/199/#para-2", ["cite", "internal"]) in got
    data = json.loads(files["S/2099/1/data.json"])
    assert [c["pinpoint"] for c in data["citations"]] == [["preambular 3"], ["2"]]


def test_a_decimal_pinpoint_lands_on_the_fascicle_paragraph():
    fascicle = ("A/99/6 (Sect. 3)\n\nGeneral Assembly\n\nProposed programme budget\n1. Overview\n1.1 The Department."
                "\n1.2 It works.\n2. Orientation\n2.1 The mandate.\n2.2 More.\n")
    citing = "S/2099/1\n\nI. Intro\n\n1. See A/99/6 (Sect. 3), para. 2.2, and A/98/6 (Sect. 3), para. 2.2.\n"
    files = render_corpus([convert_text(fascicle, "budget.txt"), convert_text(citing, "S_2099_1.txt")])
    got = links(files["S/2099/1/I/index.md"])
    assert ("A/99/6 (Sect. 3)", "../../../../A/99/6(Sect.3)/2/#para-2.2", ["cite", "internal"]) in got
    assert ("A/98/6 (Sect. 3)", "https://undocs.org/A/98/6(Sect.3)", ["cite", "external"]) in got
    para = BeautifulSoup(files["A/99/6(Sect.3)/2/index.md"], "html.parser").find(id="para-2.2")
    assert para.select_one(".para-num").get_text() == "2.2" and para["data-cite"] == "para. 2.2"


def test_a_list_run_into_its_paragraph_shows_one_bullet_a_line():
    """Items of several sentences keep them all, the last item too."""
    text = ("S/2099/2\n\nI. One\n\n3. The Mission supported the Government in the following areas:\n"
            "• Security sector reform (S/2099/1). It went on;\n• Elections. They were held.\n")
    files = render_corpus([convert_text(text, "S_2099_2.txt")])
    para = BeautifulSoup(files["S/2099/2/I/index.md"], "html.parser").find(id="para-3")
    assert [b.get_text() for b in para.select("span.bullet")] == [
        "• Security sector reform (S/2099/1). It went on;", "• Elections. They were held."
    ]
    assert para.select_one("span.bullet a.cite").get_text() == "S/2099/1"  # links inside an item
    assert " ".join(para.get_text().split()) == (
        "3. The Mission supported the Government in the following areas:"
        " • Security sector reform (S/2099/1). It went on; • Elections. They were held."
    )


def test_a_dashed_list_shows_one_item_a_line_and_a_sentence_dash_stays_text():
    text = ("S/2099/2\n\nI. One\n\n3. The police component carried out the following:\n"
            "– training of 2,000 officers;\n–\nconstruction of 5 stations (S/2099/1). They will\n"
            "be reviewed.\n4. The results – as planned – will be reviewed; – in June.\n")
    files = render_corpus([convert_text(text, "S_2099_2.txt")])
    page = BeautifulSoup(files["S/2099/2/I/index.md"], "html.parser")
    para = page.find(id="para-3")
    assert [b.get_text() for b in para.select("span.bullet")] == [
        "– training of 2,000 officers;", "– construction of 5 stations (S/2099/1)."
    ]
    assert " ".join(para.get_text().split()).endswith(  # the text as it was
        "the following: – training of 2,000 officers; – construction of 5 stations (S/2099/1). They will be reviewed."
    )
    assert para.select("span.bullet")[-1].next_sibling == " They will be reviewed."  # after the list
    assert not page.find(id="para-4").select("span.bullet")  # no colon opened a list


def test_annex_pinpoints_land_on_the_annexed_report_and_on_its_own_annexes():
    """A report annexed to a letter has its paragraphs as para-N; "annex, para. 2" is its
    para-2, "annex I, para. 1" its own annex I's paragraph; a report without that annex gives
    the report, never a paragraph of its body."""
    citing = ("S/2099/1\n\nI. Intro\n\n1. See S/2099/421, annex, para. 2, and paragraph 1 of annex I to "
              "S/2099/421, and S/2099/421, para. 1, and S/2099/2, annex, para. 1.\n")
    other = "S/2099/2\n\nI. One\n\n1. The Mission.\n"
    texts = {"S_2099_421.txt": LETTER, "S_2099_1.txt": citing, "S_2099_2.txt": other}
    files = render_corpus([convert_text(text, name) for name, text in texts.items()])
    assert [href for _, href, _ in links(files["S/2099/1/I/index.md"])] == [
        "../../421/II/#para-2", "../../421/annex-I/#annex-I-para-1", "../../421/I/#para-1", "../../2/",
    ]
    data = json.loads(files["S/2099/1/data.json"])
    assert [(c["pinpoint"], c.get("annex")) for c in data["citations"]] == [
        (["2"], ""), (["1"], "I"), (["1"], None), (["1"], ""),
    ]
    assert json.loads(files["S/2099/421/data.json"])["body_annex"] == ""
    assert "body_annex" not in json.loads(files["S/2099/2/data.json"])
    # Its paragraphs' official addresses redirect to them; the annex's own keep theirs.
    alias = BeautifulSoup(files["S/2099/421/annex-para-2/index.html"], "html.parser")
    assert alias.find("link", rel="canonical")["href"] == "../II/#para-2"
    assert alias.title.get_text() == "S/2099/421, annex, para. 2"
    assert "annex-I-para-1" in files["S/2099/421/annex-I-para-1/index.html"]
    # Cited as the UN cites them: the annexed report's paragraphs name its annex, and so do its
    # own annex's (the Cite button, the short addresses' titles, search titles).
    page = BeautifulSoup(files["S/2099/421/II/index.md"], "html.parser")
    assert page.find(id="para-2")["data-cite"] == "annex, para. 2"
    short = BeautifulSoup(files["S/2099/421/para-2/index.html"], "html.parser")
    assert alias.title.get_text() == short.title.get_text()
    own = BeautifulSoup(files["S/2099/421/annex-I/index.md"], "html.parser").find(id="annex-I-para-1")
    assert own["data-cite"] == "annex I, para. 1"
