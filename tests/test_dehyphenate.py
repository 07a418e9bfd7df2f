"""Line-end hyphens and pdftotext spacing damage, on real snippets of the shared inputs.

Each row names where its snippet comes from: seed 003 is the raw OCR of A/70/357,
seed 000 the clean A/62/627, the corpus files are pdftotext output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.dehyphenate import join_hyphenated, repair_spaced_words
from build_tools.lexicon import Lexicon
from build_tools.textrules import join_lines

from conftest import shared_lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_003 = "seeds/003_5ffca3be9944a5bc.txt"
MINUJUSTH = "corpus/MINUJUSTH_S_2018_241.txt"




# (left, right, expected, rule): the ends of real hard-wrapped lines of seed 003.
JOIN_CASES = [
    ("well-", "considered", "well-considered", "keep-hyphen"),  # 003:809
    ("Secretary-", "General", "Secretary-General", "keep-hyphen"),  # 003:948
    ("Secretary-", "General,", "Secretary-General,", "keep-hyphen"),  # 003:956
    ("stand¬", "alone", "stand-alone", "keep-hyphen"),  # 003:1242
    ("long¬", "standing", "long-standing", "keep-hyphen"),  # 003:1538
    ("mission-by¬", "mission", "mission-by-mission", "keep-hyphen"),  # 003:1496
    ("Nations-", "specified", "Nations-specified", "keep-hyphen"),  # 003:1364
    ("time-", "bound", "time-bound", "keep-hyphen"),  # 003:1715
    ("(A/70/95-", "S/2015/446).", "(A/70/95-S/2015/446).", "keep-hyphen"),  # 003:48
    ("non-", "governmental", "non-governmental", "keep-hyphen"),  # 003:94 "non-governmental"
    ("troop-", "and", "troop- and", "keep-hyphen"),  # 000: "troop- and police-contributing"
    ("peace-", "keeping", "peacekeeping", "join"),  # 003 writes "peacekeeping" throughout
    ("organi-", "zations", "organizations", "join"),  # 003:50 "other organizations"
    ("organi-", "zations,", "organizations,", "join"),
    ("(organi-", "zations)", "(organizations)", "join"),
    ("co-", "operation", "cooperation", "join"),  # 003 writes "cooperation"
]


@pytest.mark.parametrize(("left", "right", "expected", "rule"), JOIN_CASES)
def test_join_hyphenated(left, right, expected, rule):
    assert join_hyphenated(left, right, shared_lexicon(SEED_003)) == (expected, rule)


def test_report_usage_beats_english():
    """A 1990s report that writes "peace-keeping" keeps it; one that writes
    "peacekeeping" gets it; with no usage, English says two words, so the hyphen stays."""
    old = Lexicon.from_text("peace-keeping operations, the peace-keeping force")
    new = Lexicon.from_text("peacekeeping operations, the peacekeeping force")
    assert join_hyphenated("peace-", "keeping", old) == ("peace-keeping", "keep-hyphen")
    assert join_hyphenated("peace-", "keeping", new) == ("peacekeeping", "join")
    assert join_hyphenated("peace-", "keeping", Lexicon()) == ("peace-keeping", "keep-hyphen")


def test_a_word_broken_anywhere_is_joined_when_one_half_is_no_word():
    """Hyphenated word breaks of older layouts: a fragment half ("itized", "erlinked") means the
    break is the typesetter's, and the joined word need only be English at any frequency
    ("prioritized" and "interlinked" are under the known-word floor); a short ending the report
    never writes alone ("ing") is a fragment too. A joined form English does not know keeps
    its hyphen; so do two words ("well-being") and a short right word the report uses."""
    lex = Lexicon.from_text("The Office has reviewed its work and the law in the capital. The well-being of staff.")
    assert join_hyphenated("prior-", "itized", lex) == ("prioritized", "join")
    assert join_hyphenated("int-", "erlinked", lex) == ("interlinked", "join")
    assert join_hyphenated("adapt-", "ing", lex) == ("adapting", "join")
    assert join_hyphenated("well-", "being", lex) == ("well-being", "keep-hyphen")
    assert join_hyphenated("by-", "law", lex) == ("by-law", "keep-hyphen")
    assert join_hyphenated("time-", "bound", lex) == ("time-bound", "keep-hyphen")
    assert join_hyphenated("xqz-", "itized", lex) == ("xqz-itized", "keep-hyphen")


def test_line_end_hyphens_joined_or_kept_as_the_pipeline_does():
    """textrules.join_lines with join_hyphenated, as structure.build calls them: "Secretary- General"
    keeps its hyphen (a capital follows), "organi- zations" is joined and logged."""
    lines = ["the Special Representatives of the Secretary- ", "General for Children and other organi-", "zations in the field"]
    text, changes = join_lines(lines, shared_lexicon(SEED_003), join_hyphenated)
    assert text == "the Special Representatives of the Secretary-General for Children and other organizations in the field"
    assert changes == [("organi- zations", "organizations")]


# (snippet, expected): real lines of the MINUJUSTH pdftotext file, and ones that must stay.
SPACED_CASES = [
    # "modernizing" is too rare in English to be known (Zipf 2.8), but the report writes it
    # elsewhere, and "ernizing" is no word at all (MINUJUSTH:377).
    ("and an agenda for mod ernizing the police", "and an agenda for modernizing the police"),
    # ... while two words stay two words, though the report writes them joined elsewhere.
    ("the police were in formation", "the police were in formation"),
    (
        "items that were on the 2017 legislati ve agenda",
        "items that were on the 2017 legislative agenda",
    ),
    ("the 2017 legislati ve\nagenda", "the 2017 legislative\nagenda"),
    (
        "a well-developed and clearly benchmarked projected two -year exit",
        "a well-developed and clearly benchmarked projected two-year exit",
    ),
    (
        "inclusion of draft legislation on the re -establishment",
        "inclusion of draft legislation on the re-establishment",
    ),
    ("in the Port -au-Prince metropolitan area", "in the Port-au-Prince metropolitan area"),
    ("appointment of a high -level focal", "appointment of a high-level focal"),
    ("to foster sustainable development . The", "to foster sustainable development. The"),
    ("wide support (see para. 11 above) . He also", "wide support (see para. 11 above). He also"),
    (
        "Jodel Lesage, interim Commander in-Chief. On 13 March",
        "Jodel Lesage, interim Commander-in-Chief. On 13 March",
    ),
    ("mobilizing some of the world ’s most", "mobilizing some of the world’s most"),
    ("the Mission’ s mandate and the Council ’ s work", "the Mission’s mandate and the Council’s work"),
    ("the Mission' s mandate", "the Mission's mandate"),
    ("tech nical assistance", "technical assistance"),
    ("the a ppointment of", "the appointment of"),
    # a symbol a line break cut after a slash or a revision's dot, joined with a space
    ("my report (S/2015/ 682) of", "my report (S/2015/682) of"),
    ("in A/70/ 357-S/2015/ 682 and", "in A/70/357-S/2015/682 and"),
    ("see A/62/627/Add. 1.", "see A/62/627/Add.1."),
    ("Council (A/HRC/ 30/12)", "Council (A/HRC/30/12)"),
    ("by its resolutions 61/279 and 62/ 250, the", "by its resolutions 61/279 and 62/250, the"),
    ("resolution 1325 ( 2000 ) on women", "resolution 1325 (2000) on women"),
    # a bracket or curly quote spaced off what it holds
    ("resolution 1325 (2000 ) on women", "resolution 1325 (2000) on women"),
    ("the Mission ( MINUSTAH) and", "the Mission (MINUSTAH) and"),
    ("(see annex I ) and the “ peace” and “talks ” [ sic ]", "(see annex I) and the “peace” and “talks” [sic]"),
    # must not change
    ("the HIV/ AIDS response", "the HIV/ AIDS response"),
    ("the S/ and A/ series", "the S/ and A/ series"),
    ("the A/ B testing", "the A/ B testing"),
    ("as at 31 December 1/ 7 States had", "as at 31 December 1/ 7 States had"),  # a 1990s note mark
    ("resolution 1325(2000) on women", "resolution 1325(2000) on women"),
    (
        "17. Some 16 months after Hurricane Matthew, 1 million people",
        "17. Some 16 months after Hurricane Matthew, 1 million people",
    ),
    ("through stand-alone agreements", "through stand-alone agreements"),
    ("as well as in other conflict", "as well as in other conflict"),
    ("troop- and police-contributing countries", "troop- and police-contributing countries"),
    ("issues . . . and", "issues . . . and"),
    ("the form ( ) and the \"quoted \" text", "the form () and the \"quoted \" text"),
    ("(Croix -\nDes-Bouquets)", "(Croix -\nDes-Bouquets)"),
]


@pytest.mark.parametrize(("snippet", "expected"), SPACED_CASES)
def test_repair_spaced_words(snippet, expected):
    out, changes = repair_spaced_words(snippet, shared_lexicon(MINUJUSTH))
    assert out == expected
    assert bool(changes) == (snippet != expected)


def test_repair_spaced_words_reports_pairs():
    _, changes = repair_spaced_words("the 2017 legislati ve agenda", shared_lexicon(MINUJUSTH))
    assert changes == [("legislati ve", "legislative")]


def test_an_ending_split_off_a_word_is_closed_up():
    """pdftotext splits "national" as "nation al" (S/2018/241, para. 22): both halves are
    English tokens, but "al" ends hundreds of English words and the report hardly uses it
    alone. A particle ("make up": "up" is far more frequent) and a short word that ends few
    English words ("income tax") stay apart, as do two words of four letters ("more over")."""
    text = ("The General Inspectorate of the nation al police was request ed to make up the "
            "income tax gap, more over.")
    lex = Lexicon.from_text(text)
    out, pairs = repair_spaced_words(text, lex)
    assert out == ("The General Inspectorate of the national police was requested to make up the "
                   "income tax gap, more over.")
    assert pairs == [("nation al", "national"), ("request ed", "requested")]
    # A report that writes "al" as a word of its own three times keeps it apart.
    lex = Lexicon.from_text(text + " Al al al al.")
    assert "nation al" in repair_spaced_words(text, lex)[0]


def test_a_four_letter_ending_split_off_a_word_is_closed_up():
    """ "invest ment", "miss ions", "effective ness": endings of four letters that English
    hardly writes alone. Words of four letters that it does write ("special ties", "birth rate",
    "wedding ring") stay apart, and so does "more over" (both common words)."""
    text = ("The invest ment in the miss ions and their effective ness, the special ties, the "
            "birth rate and the wedding ring, more over.")
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert pairs == [("invest ment", "investment"), ("miss ions", "missions"), ("effective ness", "effectiveness")]
    assert "special ties, the birth rate and the wedding ring, more over." in out


def test_a_word_split_into_no_words_is_closed_up_when_english_knows_the_whole():
    """ "disbur sement": no half is a word; "airlif ting": the left half is none, nor used
    elsewhere. Joined, each is a word of English, however rare ("airlifting": Zipf 1.7). Halves
    whose whole English does not know stay apart ("zorbl ting"), and so does a left half the
    report writes again (a name)."""
    text = "the rapid disbur sement of funds and its airlif ting capacity, the zorbl ting."
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert out == "the rapid disbursement of funds and its airlifting capacity, the zorbl ting."
    assert pairs == [("disbur sement", "disbursement"), ("airlif ting", "airlifting")]
    named = text + " Airlif said so. Airlif left."
    assert "airlif ting" in repair_spaced_words(text, Lexicon.from_text(named))[0]


def test_the_ocrs_hyphen_sign_inside_a_line_is_a_line_end_hyphen():
    """Seed 003's OCR prints a line-end hyphen as "¬"; where a line goes on after one (the text
    layer joined the lines), it is judged like any line-end hyphen, and no "¬" is left."""
    lex = shared_lexicon(SEED_003)
    text, changes = join_lines(["the long¬standing and stand¬ alone work of organi¬zations ¬"], lex, join_hyphenated)
    assert text == "the long-standing and stand-alone work of organizations -"
    assert changes == [("long¬ standing", "long-standing"), ("stand¬ alone", "stand-alone"),
                       ("organi¬ zations", "organizations"), ("¬", "-")]


# Lexicon evidence the rules rely on.
LEXICON_CASES = [
    ("peacekeeping", True),  # report vocabulary
    ("Headquarters", True),
    ("Fleadquarters", False),  # OCR damage, once
    ("Flowever", False),  # OCR damage, twice: under DOC_KNOWN_MIN
    ("organi", False),
    ("Secretary-General", True),
    ("Ramos-Horta", False),  # a name seen once is not vouched for
]


@pytest.mark.parametrize(("word", "known"), LEXICON_CASES)
def test_lexicon_known(word, known):
    assert shared_lexicon(SEED_003).known(word) is known


def test_lexicon_preferred_casing():
    lex = Lexicon.from_text(
        "The Mission met. UNMIK and KFOR met in Kosovo. The mission of UNMIK.\nTHE MISSION"
    )
    assert lex.preferred_casing("KOSOVO") == "Kosovo"
    assert lex.preferred_casing("unmik") == "UNMIK"
    assert lex.preferred_casing("the") is None  # only at sentence starts or in capitals
    assert lex.preferred_casing("MISSION") == "mission"  # a tie goes to lower case


@pytest.mark.parametrize(("heading", "expected"), [
    ("I N T R O D U C T I O N", "INTRODUCTION"),
    ("O b s e r v a t i o n s", "Observations"),
    ("R E P O R T O F T H E S E C R E T A R Y - G E N E R A L", "REPORT OF THE SECRETARY-GENERAL"),
    ("M I N U J U S T H S T A R T - U P", "MINUJUSTH START-UP"),  # a word of the report's own
    ("C O N C L U S I O N S A N D R E C O M M E N D A T I O N S", "CONCLUSIONS AND RECOMMENDATIONS"),
    # must not change: no words spelled ("A B C D": "ab" and "cd" are too rare to be read), too short
    ("A B C D", "A B C D"), ("A - B - C - D", "A - B - C - D"), ("T H E", "T H E"), ("Annex I I", "Annex I I"),
])
def test_a_letter_spaced_heading_is_closed_up_into_the_likeliest_words(heading, expected):
    from build_tools.dehyphenate import close_up_letter_spacing

    out, changes = close_up_letter_spacing(heading, shared_lexicon(MINUJUSTH))
    assert out == expected
    assert bool(changes) == (heading != expected)


def test_letter_spaced_headings_keep_their_ids_and_read_as_words():
    """Older reports set headings letter by letter; the section kept its id, its title read
    "I n t r o d u C t I o n" (recased letter by letter). Only headings: a run of single
    letters in prose is a formula or a table's columns."""
    from build_tools.pipeline import convert_text

    text = (Path(__file__).resolve().parents[1] / "source_texts" / "S_2018_241.txt").read_text(encoding="utf-8")
    spaced = text.replace("I. Introduction", "I. I N T R O D U C T I O N", 1).replace(
        "VIII. Observations", "VIII. O b s e r v a t i o n s", 1)
    plain, report = (convert_text(t, "S_2018_241.txt") for t in (text, spaced))
    assert [(b.id, b.text) for b in report.body] == [(b.id, b.text) for b in plain.body]
    assert any(c.original == "I N T R O D U C T I O N" and c.rule == "spacing" for c in report.qa.corrections)


def test_a_lone_letter_split_off_a_word_is_closed_up():
    """ "force s", "Unite d", "t heir", "P resident": a letter alone (not "a", "I" or a list's
    letter in brackets) is no word of running text; joined to its neighbour it is a word the
    report or English knows. A capital starting a word, as in "Unite d Nations", is fine; a
    letter that makes no word stays ("Total b", a table's note mark), as do "a void" and "I am"."""
    text = ("The force s of the Unite d Nations and t heir P resident, a void in the Total b "
            "column; I am sure that (b) is met. The forces, the United Nations, their President.")
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert out.startswith("The forces of the United Nations and their President, a void in the Total b "
                          "column; I am sure that (b) is met.")
    assert pairs == [("force s", "forces"), ("Unite d", "United"), ("t heir", "their"), ("P resident", "President")]
    # The report writes the word elsewhere ("In f", "of c" stay); of two joins sharing the
    # letter, the likelier word.
    text = "In f act, for e xample, the fore and the fact. An example."
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert out.startswith("In fact, for example, the fore")
    # A word the report writes nowhere else: joined where the other half is no word and English
    # knows the whole ("c larifications", "i nsurgents"); a letter by a word stays ("of c", "In f").
    text = "The c larifications came, the i nsurgents left, in f air weather; of c ourse, of c fame."
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert out == "The clarifications came, the insurgents left, in f air weather; of course, of c fame."
    # An ending's letter, "s" or "d", after a word it makes another English word of, also before a
    # full stop ("p." stays an abbreviation): "intend s", "compromise d", "partner s.".
    text = "He intend s to go; it was compromise d by its partner s. A d. Their p. 5."
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert out == "He intends to go; it was compromised by its partners. A d. Their p. 5."


def test_a_two_letter_word_split_into_its_letters_is_closed_up():
    """ "created a t the", "I t is": a function word (English Zipf 5.7 and up: "at", "it", "am")
    split into two letters, the second a letter alone in lower case, that the report writes
    elsewhere. Letters in a run stay ("x y z", "a t b"), as do capitals ("O N", a heading's
    letter spacing: close_up_letter_spacing reads those), and pairs that make no such word ("p m")."""
    text = ("The committee created a t the end of 2017; I t is new, i s a start, I a m sure. The terms "
            "x y z, a t b, O N and p m. At the start, it met at noon; it is. It was. I am, I am.")
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert pairs == [("a t", "at"), ("I t", "It"), ("i s", "is"), ("a m", "am")]
    assert out.startswith("The committee created at the end of 2017; It is new, is a start, I am sure. The terms "
                          "x y z, a t b, O N and p m.")
    # Of two joins sharing the letter, the one that leaves a word: "a" is one, "erious" none;
    # "our" is one, "o" none.
    text = "It is a s erious matter o f our time; as serious as before, of our own, four."
    assert repair_spaced_words(text, Lexicon.from_text(text))[0].startswith("It is a serious matter of our time;")


def test_two_words_far_less_likely_than_the_word_they_split_are_joined():
    """ "or der", "sin ce": both halves are words, but English writes the whole far more often
    than the two words at random (Zipf of the whole less those of the halves, 3.5 and up) and
    the report writes the whole elsewhere, twice or more. Phrases of real words stay: "a
    void", "more over", "in formation", "data base", and "per cent" (3.9, but the report
    never writes "percent"); so do letters ("o n" is no "on")."""
    text = ("People are in need, in or der to act, sin ce May; a void, more over, in formation, "
            "a data base, 5 per cent, o n. In order, in order; since, since; database; on, on.")
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert pairs == [("or der", "order"), ("sin ce", "since")]
    assert "a void, more over, in formation, a data base, 5 per cent, o n." in out
    # A report that writes the two words more often than the whole keeps them apart.
    mixed = ("in or der to act; in or der to go; in order, in order, in order. " + "5 per cent, " * 17
             + "2 percent, 3 percent.")
    assert repair_spaced_words(mixed, Lexicon.from_text(mixed))[0].count("per cent") == 17
    assert "in order to act" in repair_spaced_words(mixed, Lexicon.from_text(mixed))[0]


def test_a_capitals_word_or_acronym_split_apart_is_closed_up():
    """ "NATIO NS", "MIN USTAH", "U NAMID": halves in capitals make a word or acronym the
    report writes. Two acronyms side by side that make nothing the report writes stay ("UN AU")."""
    text = ("The UNITED NATIO NS and MIN USTAH, with U NAMID and the UN AU team. "
            "UNITED NATIONS; MINUSTAH, MINUSTAH; UNAMID, UNAMID.")
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert out.startswith("The UNITED NATIONS and MINUSTAH, with UNAMID and the UN AU team.")
    assert pairs == [("NATIO NS", "NATIONS"), ("MIN USTAH", "MINUSTAH"), ("U NAMID", "UNAMID")]


def test_a_word_split_into_two_words_one_of_them_rare_is_joined():
    """ "po lice", "deli very": both halves are words, one short and rare (in English, under Zipf
    4, and in the report, used at most twice), so the pair is asked about at all; the whole is
    far likelier and written elsewhere. "oil field" (no such whole) and "war den" stay."""
    text = ("The po lice and the deli very of aid; the oil field and the war den. "
            "The police, the police; delivery, delivery.")
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert pairs == [("po lice", "police"), ("deli very", "delivery")]
    assert "the oil field and the war den." in out


def test_a_space_after_a_compounds_hyphen_is_closed_up_but_not_a_suspended_hyphen():
    """ "peace- keeping", "re- establishment": the space after the hyphen is damage, closed up
    to the form the report writes ("peacekeeping" closed, "re-establishment" hyphenated), or
    hyphenated when both halves are words. A hyphen left hanging before "and", "or", "to"
    ("troop- and police-contributing", "short- to medium-term") is the writer's."""
    text = ("The peace- keeping operations, the re- establishment of the long- term plan, the troop- "
            "and police-contributing countries and the short- to medium-term and two- or three-year "
            "plans. Peacekeeping, peacekeeping; re-establishment.")
    out, pairs = repair_spaced_words(text, Lexicon.from_text(text))
    assert pairs == [("peace- keeping", "peacekeeping"), ("re- establishment", "re-establishment"),
                     ("long- term", "long-term")]
    assert "the troop- and police-contributing countries and the short- to medium-term and two- or" in out
    from build_tools.dehyphenate import _spaced_hyphen_in

    assert not _spaced_hyphen_in("the troop- and police-contributing and short- to medium-term plans")
