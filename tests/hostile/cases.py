"""The table of hostile and broken inputs, each with the outcome it must have.

A case writes its files into an empty source folder (as report number `n`, symbol
A/99/n, file A_99_n.txt) and expects one of:

    Refused(message, file, line)   the build stops with one line "file[:line]: ...message..."
    Published(literals, warning)   the build succeeds; each literal is shown as text on the
                                   report's pages, and the warning (if any) is in its QA report
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True)
class Refused:
    message: str
    file: str  # file name (or suffix of it) the error must name; "{n}" is the case's number
    line: int | None = None


@dataclass(frozen=True)
class Published:
    literals: tuple[str, ...] = ()
    warning: str | None = None


Builder = Callable[[Path, int], None]


@dataclass(frozen=True)
class Case:
    name: str
    build: Builder
    outcome: Refused | Published
    in_site: bool = True  # include in the one MkDocs build of all published cases


def report(
    n: int,
    paras: tuple[str, ...] = ("The first paragraph.", "The second paragraph."),
    heading: str = "Introduction",
    title: str = "Report of the Secretary-General on testing",
    symbol_line: str | None = None,
    tail: str = "",
) -> str:
    """A small, well-formed report; arguments put the hostile part where it is wanted."""
    symbol = f"A/99/{n}" if symbol_line is None else symbol_line
    numbered = "\n\n".join(f"{i}. {p}" for i, p in enumerate(paras, 1))
    return (
        f"{symbol}\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n1 January 2020\n\n"
        f"{title}\n\nI. {heading}\n\n{numbered}\n{tail}"
    )


def stem(n: int) -> str:
    return f"A_99_{n}"


# -- builders ------------------------------------------------------------------


def raw(make: Callable[[int], bytes]) -> Builder:
    """The report file is exactly these bytes."""

    def build(folder: Path, n: int) -> None:
        (folder / f"{stem(n)}.txt").write_bytes(make(n))

    return build


def text(make: Callable[[int], str], encoding: str = "utf-8") -> Builder:
    return raw(lambda n: make(n).encode(encoding))


def slow_shape(name: str, tail: Callable[[], str], literal: str) -> Case:
    """A report whose tail (made when the case is built, not at import) once took a step time
    quadratic in its size: published, the literal in its text; converted in-process only."""
    return Case(name, text(lambda n: report(n, tail=tail())), Published((literal,)), in_site=False)


def with_sidecar(suffix: str, content: str | bytes, body: Callable[[int], str] = report) -> Builder:
    """A good report plus a sidecar file (suffix ".yml", ".errata.yml", ".notes.yml")."""

    def build(folder: Path, n: int) -> None:
        (folder / f"{stem(n)}.txt").write_text(body(n), encoding="utf-8")
        data = content if isinstance(content, bytes) else content.format(n=n).encode("utf-8")
        (folder / f"{stem(n)}{suffix}").write_bytes(data)

    return build


def named(filename: str, make: Callable[[int], str]) -> Builder:
    def build(folder: Path, n: int) -> None:
        (folder / filename.format(n=n)).write_text(make(n), encoding="utf-8")

    return build


def two_claiming_same_symbol(folder: Path, n: int) -> None:
    (folder / f"{stem(n)}.txt").write_text(report(n), encoding="utf-8")
    # Prints A/99/n too, in another text (a byte-identical copy is published once: without_copies).
    (folder / f"B_99_{n}.txt").write_text(report(n) + "\nA text the other file does not have.\n", encoding="utf-8")


def blank_lines_50mb(folder: Path, n: int) -> None:
    with (folder / f"{stem(n)}.txt").open("w", encoding="utf-8") as fh:
        fh.write(report(n))
        fh.write("\n" * (50 * MB))


def sparse_70mb(folder: Path, n: int) -> None:
    path = folder / f"{stem(n)}.txt"
    path.write_text(report(n), encoding="utf-8")
    with path.open("r+b") as fh:
        fh.truncate(70 * MB)


def no_symbol(n: int) -> str:
    return report(n, symbol_line="")


def mojibake(s: str) -> str:
    """UTF-8 bytes read as cp1252: the classic 'cafÃ©'."""
    return s.encode("utf-8").decode("cp1252", errors="replace")


MARKUP = {
    "script": "<script>alert('xss-script')</script>",
    "img_onerror": "<img src=x onerror=\"alert('xss-img')\">",
    "js_link": "[click me](javascript:alert('xss-link'))",
    "md_image": "![pic](javascript:alert('xss-image'))",
    "attr_list": "Text with attributes {#evil .danger onclick=\"alert('xss-attr')\"}",
    "jinja": "{{ 7*7 }} and {% for x in range(3) %}loop{% endfor %} and {# comment #}",
    "html_comment": "before <!-- hidden comment --> after",
    "backticks": "``code`` and `more code` and ```fence```",
    "entity": "&amp; &lt;b&gt; &#x3C;script&#x3E;",
    "autolink": "<javascript:alert('xss-auto')> <https://evil.example/>",
}


def _markup_cases() -> list[Case]:
    cases = []
    for key, payload in MARKUP.items():
        cases.append(
            Case(
                f"markup-{key}-in-paragraph",
                text(lambda n, p=payload: report(n, paras=(f"Before {p} after.", "Second."))),
                Published((f"Before {payload} after.",)),
            )
        )
    return cases


CASES: list[Case] = [
    # -- bytes and encodings ------------------------------------------------
    Case("empty-file", raw(lambda n: b""), Refused("empty: no text to publish", "{stem}.txt")),
    Case("whitespace-only", raw(lambda n: b"  \n\t\r\n \x0c \n"), Refused("empty", "{stem}.txt")),
    Case("binary-bytes", raw(lambda n: bytes(range(256)) * 64), Refused("NUL bytes", "{stem}.txt")),
    Case(
        "binary-controls-no-nul",
        raw(lambda n: report(n).encode() + b"\n3. bell \x07\x01\x02\n"),
        Refused("binary control character U+0007", "{stem}.txt", 18),
    ),
    Case("nul-byte-in-text", raw(lambda n: report(n).replace("first", "fi\0rst").encode()), Refused("NUL", "{stem}.txt")),
    Case(
        "utf16-le-with-bom",
        text(lambda n: report(n, paras=("Café naïve “quoted”.", "Second.")), "utf-16"),
        Published(("Café naïve “quoted”.",)),
    ),
    Case(
        "utf16-be-with-bom",
        raw(lambda n: codecs.BOM_UTF16_BE + report(n, paras=("Ünïcödé text.", "Second.")).encode("utf-16-be")),
        Published(("Ünïcödé text.",)),
    ),
    Case(
        "utf16-bad-after-bom",
        raw(lambda n: codecs.BOM_UTF16_LE + b"A\x00/\x00\x00\xd8"),  # a lone high surrogate
        Refused("not valid utf-16 despite its byte-order mark", "{stem}.txt"),
    ),
    Case(
        "utf8-bom",
        raw(lambda n: codecs.BOM_UTF8 + report(n, paras=("With a BOM.", "Second.")).encode()),
        Published(("With a BOM.",)),
    ),
    Case(
        "latin1",
        text(lambda n: report(n, paras=("Café naïve façade.", "Second.")), "latin-1"),
        Published(("Café naïve façade.",)),
    ),
    Case(
        "cp1252-quotes-dashes",
        text(lambda n: report(n, paras=("“Quoted” – dashed — €5.", "Second.")), "cp1252"),
        Published(("“Quoted” – dashed — €5.",)),
    ),
    Case(
        "mojibake",
        text(lambda n: report(n, paras=(mojibake("The café’s “quoted text."), "Second."))),
        Published(("The café’s “quoted text.",)),
    ),
    Case(
        "crlf-line-ends",
        text(lambda n: report(n, paras=("Windows line ends.", "Second.")).replace("\n", "\r\n")),
        Published(("Windows line ends.", "Second.")),
    ),
    Case(
        "lone-cr-line-ends",
        text(lambda n: report(n, paras=("Old Mac line ends.", "Second.")).replace("\n", "\r")),
        Published(("Old Mac line ends.", "Second.")),
    ),
    # -- size -----------------------------------------------------------------
    Case(
        "one-5mb-line",
        text(lambda n: report(n, tail="\n3. " + "word " * MB + "end.\n")),
        Published(("word word word",)),
        in_site=False,  # converted and rendered in-process; MkDocs on 5 MB is only slow
    ),
    # Shapes that made a step take time quadratic in their size (hours at these sizes): a
    # paragraph of 200,000 citations (the overlap test of linkers' spans), a word of a million
    # letters (its splits into two English words), 100,000 lines of spaces (a capital after a
    # blank line, looked for from each line break), three table rows of 100,000 characters,
    # 300,000 lines of "Ab-" (one token rebuilt at each line-end join, and the word before each
    # hyphen looked for back to the last space), 60,000 lines of "1." in one paragraph (its
    # quotation marks counted again at each), 100,000 "Annex I" headings (the earlier ones
    # counted again at each), 100,000 "I. Title" headings (the ids -2, -3 … tried from 2 at
    # each, the next text looked for from each heading), 400,000 item marks in groups (each
    # walked back over every block to its paragraph, and listed the paragraph's items anew).
    slow_shape("a-paragraph-of-200000-citations",
               lambda: "\n3. " + "A/70/357 " * 200_000 + "end.\n", "A/70/357 A/70/357"),
    slow_shape("one-word-of-a-million-letters", lambda: "\n3. " + "a" * 1_000_000 + " end.\n", "aaaaaaaa"),
    slow_shape("100000-lines-of-spaces",
               lambda: "\n3. Spaces follow.\n" + (" " * 20 + "\n") * 100_000 + "end\n", "Spaces follow."),
    slow_shape("three-table-rows-of-100000-characters",
               lambda: "\nAnnex\n" + "\n".join(["a" * 100_000 + " 1 2 3 4 5 6"] * 3) + "\n", "1 2 3 4 5 6"),
    slow_shape("300000-lines-of-a-hyphen-broken-word", lambda: "\n3. " + "Ab-\n" * 300_000 + "end.\n", "Ab-Ab-"),
    slow_shape("60000-lines-of-paragraph-numbers-in-one-paragraph",
               lambda: "\n3. Numbers follow:\n" + "1. 1. 1. 1.\n" * 60_000 + "end.\n", "Numbers follow:"),
    slow_shape("100000-annex-headings", lambda: "\n" + "Annex I\n\n" * 100_000, "The first paragraph."),
    slow_shape("100000-headings-of-section-i", lambda: "\n" + "I. Title\n" * 100_000, "The first paragraph."),
    slow_shape("400000-item-marks-in-20000-groups",
               lambda: "\n3. Items follow:\n" + ("(i) text;\n" * 20 + "\n") * 20_000, "Items follow:"),
    Case("50mb-of-blank-lines", blank_lines_50mb, Refused("over the 1000000-line limit", "{stem}.txt", 1_000_001)),
    Case("70mb-file", sparse_70mb, Refused("over the 67108864-byte limit", "{stem}.txt")),
    # -- numbering ------------------------------------------------------------
    Case(
        "no-paragraph-numbers",
        text(lambda n: f"A/99/{n}\n\nJust prose, no numbers.\n\nMore prose.\n"),
        Refused("no numbered paragraphs or text found", "{stem}.txt"),
    ),
    Case(
        "duplicate-paragraph-number",
        text(lambda n: report(n, tail="\n2. The second paragraph, again.\n")),
        Published(("2. The second paragraph, again.",), warning="'2.' out of sequence after paragraph 2"),
    ),
    Case(
        "numbers-going-backwards",
        text(lambda n: report(n, paras=("One.", "Two.", "Three."), tail="\n2. Backwards.\n")),
        Published(("2. Backwards.",), warning="'2.' out of sequence after paragraph 3"),
    ),
    Case(
        "paragraph-10000",
        text(lambda n: report(n, tail="\n10000. Far away.\n")),
        Published(("10000. Far away.",), warning="'10000.' out of sequence after paragraph 2"),
    ),
    Case(
        "first-number-is-10000",
        text(lambda n: report(n, tail="").replace("1. The first", "10000. The first").replace("2. The second", "10001. The second")),
        Published(("The first",), warning="numbering starts at paragraph 10000"),
    ),
    # -- symbols and file names ------------------------------------------------
    Case(
        "filename-not-a-symbol-no-symbol-in-text",
        named("not a symbol {n}.txt", no_symbol),
        Refused("no document symbol in the text or its file name", "not a symbol {n}.txt"),
    ),
    Case(
        "filename-not-a-symbol-symbol-in-text",
        named("report-{n}.txt", lambda n: report(n, paras=("Named oddly.", "Second."))),
        Published(("Named oddly.",)),
    ),
    Case("two-files-same-symbol", two_claiming_same_symbol, Refused("both claim the symbol A/99/{n}", "B_99_{n}.txt")),
    Case(
        "sidecar-symbol-dotdot",
        with_sidecar(".yml", "# escape\nsymbol: ../../etc\n", no_symbol),
        Refused("'../../etc' is not a usable document symbol", "{stem}.yml", 2),
    ),
    Case(
        "sidecar-symbol-inner-dotdot",
        with_sidecar(".yml", "symbol: A/../../x\n", no_symbol),
        Refused("'A/../../x' is not a usable document symbol", "{stem}.yml", 1),
    ),
    Case(
        "sidecar-symbol-absolute",
        with_sidecar(".yml", "symbol: /etc/passwd\n", no_symbol),
        Refused("'/etc/passwd' is not a usable document symbol", "{stem}.yml", 1),
    ),
    Case(
        "sidecar-joint-symbol-escape",
        with_sidecar(".yml", "symbols: [A/99/{n}, S/../../x]\n"),
        Refused("'S/../../x' is not a usable document symbol", "{stem}.yml", 1),
    ),
    Case(
        "text-symbol-with-dotdot",
        text(lambda n: report(n, symbol_line=f"A/99/{n}/../../../x")),
        Refused("'A/99/{n}/../../../x' is not a usable document symbol", "{stem}.txt"),
    ),
    # -- sidecars -----------------------------------------------------------------
    Case(
        "yaml-malformed",
        with_sidecar(".yml", "title: ok\nsymbol: [unclosed\n"),
        Refused("malformed YAML", "{stem}.yml", 3),
    ),
    Case("yaml-tab-indent", with_sidecar(".yml", "title: x\n\tdate: y\n"), Refused("malformed YAML", "{stem}.yml", 2)),
    Case("yaml-list-not-mapping", with_sidecar(".yml", "- a\n- b\n"), Refused("must be a mapping, got list", "{stem}.yml", 1)),
    Case("yaml-wrong-value-type", with_sidecar(".yml", "title: x\nsymbol: 5\n"), Refused("'symbol' must be str, got int", "{stem}.yml", 2)),
    Case("yaml-unknown-key", with_sidecar(".yml", "title: x\ncolour: red\n"), Refused("unknown key 'colour'", "{stem}.yml", 2)),
    Case("yaml-bad-date", with_sidecar(".yml", "date: not a date\n"), Refused("'date' must be a date as YYYY-MM-DD", "{stem}.yml", 1)),
    Case(
        "yaml-unquoted-date",
        with_sidecar(".yml", "date: 2019-05-06\n"),
        Published(("6 May 2019",)),  # read as the date, shown the UN way
    ),
    Case(
        "yaml-python-tag",
        with_sidecar(".yml", "title: !!python/object/apply:os.system ['echo pwned']\n"),
        Refused("malformed YAML", "{stem}.yml", 1),
    ),
    Case("yaml-not-utf8", with_sidecar(".yml", b"title: caf\xe9\n"), Refused("not UTF-8 text", "{stem}.yml")),
    Case(
        "yaml-markup-in-title",
        with_sidecar(".yml", "title: \"<script>alert('xss-title')</script> {{{{ 7*7 }}}}\"\n"),
        Published(("<script>alert('xss-title')</script> {{ 7*7 }}",)),
    ),
    Case(
        "errata-match-nowhere",
        with_sidecar(".errata.yml", "- find: first paragraph\n  replace: x\n- find: not in the text\n  replace: y\n"),
        Refused("erratum must match exactly once, found nowhere", "{stem}.errata.yml", 3),
    ),
    Case(
        "errata-match-twice",
        with_sidecar(".errata.yml", "errata:\n  - find: paragraph\n    replace: x\n"),
        Refused("found 2 times", "{stem}.errata.yml", 2),
    ),
    Case(
        "errata-wrong-type",
        with_sidecar(".errata.yml", "errata: {{find: x}}\n"),
        Refused("expected a list of errata", "{stem}.errata.yml", 1),
    ),
    Case(
        "errata-unknown-key",
        with_sidecar(".errata.yml", "- find: first\n  replace: x\n  paragraph: 3\n"),
        Refused("unknown key 'paragraph' in erratum", "{stem}.errata.yml", 1),
    ),
    Case(
        "errata-empty-find",
        with_sidecar(".errata.yml", "- find: ''\n  replace: x\n"),
        Refused("'find' must not be empty", "{stem}.errata.yml", 1),
    ),
    Case(
        "errata-markup",
        with_sidecar(
            ".errata.yml",
            "- find: first\n  replace: \"<script>alert('xss-erratum')</script>\"\n  note: \"<img src=x onerror=alert('xss-note')>\"\n",
        ),
        Published(("The <script>alert('xss-erratum')</script> paragraph.", "<img src=x onerror=alert('xss-note')>")),
    ),
    Case(
        "notes-missing-paragraph",
        with_sidecar(".notes.yml", "- paragraph: para-1\n  note: fine\n- paragraph: para-99\n  note: nowhere\n"),
        Refused("note for 'para-99', which is not a paragraph of this report", "{stem}.notes.yml", 3),
    ),
    Case(
        "notes-unknown-key",
        with_sidecar(".notes.yml", "notes:\n  - paragraph: para-1\n    text: hi\n"),
        Refused("unknown key 'text' in note", "{stem}.notes.yml", 2),
    ),
    # -- text that looks like markup ------------------------------------------------
    *_markup_cases(),
    Case(
        "markup-in-heading",
        text(lambda n: report(n, heading="<script>alert('xss-heading')</script> {#sec-evil} **bold**")),
        Published(("<script>alert('xss-heading')</script> {#sec-evil} **bold**",)),
    ),
    Case(
        "markup-in-title",
        text(lambda n: report(n, title="Report of the Secretary-General on <img src=x onerror=alert('xss-masthead')> [x](javascript:alert(1))")),
        Published(("<img src=x onerror=alert('xss-masthead')>",)),
    ),
    Case(
        "markup-in-table-cells",  # a table's cells are set apart one by one (Block.cells)
        text(lambda n: report(n, tail="\nAnnex\nStrength\n" + "\n\n".join(
            ["Country", "<script>alert('xss-cell')</script>", "Troops", "1 200", "Police", "150", "Total", "1 350",
             "Chad", "4", "—", "4", "Peru", "12", "9", "21"]) + "\n")),
        Published(("<script>alert('xss-cell')</script>",)),
    ),
    Case(
        "markup-in-dashed-list",  # items in spans of their own
        text(lambda n: report(n, paras=("It did the following: – <b>train</b>; – build </span><i>it</i>.", "Second."))),
        Published(("It did the following: – <b>train</b>; – build </span><i>it</i>.",)),
    ),
    Case(
        "markup-in-lone-footnote",  # a mark alone on its line, set before its note's text
        text(lambda n: report(n, paras=("As reported.1", "Second."),
                              tail="\n\n1\n\nSee <img src=x onerror=alert('xss-lone')> here.\n\n2/2\n")),
        Published(("See <img src=x onerror=alert('xss-lone')> here.",)),
    ),
    Case(
        "markup-in-footnote",
        text(lambda n: report(n, paras=("Noted.¹", "Second."), tail="\n¹ <script>alert('xss-footnote')</script> `tick`\n")),
        Published(("<script>alert('xss-footnote')</script> `tick`",)),
    ),
]


def by_name() -> dict[str, Case]:
    return {c.name: c for c in CASES}


def expected_file(case: Case, n: int) -> str:
    assert isinstance(case.outcome, Refused)
    return case.outcome.file.format(stem=stem(n), n=n)


def expected_message(case: Case, n: int) -> str:
    assert isinstance(case.outcome, Refused)
    return case.outcome.message.format(n=n)
