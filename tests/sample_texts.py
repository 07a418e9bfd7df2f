"""Small source texts that several test modules build sites from."""

# A report annexed to a letter of transmittal, with an annex of its own after it.
LETTER = """S/2099/421

Security Council

Distr.: General
5 June 2099

Letter dated 5 June 2099 from the Secretary-General addressed to
the President of the Security Council
I have the honour to transmit herewith the report of the Panel (see annex).
(Signed) BAN Ki-moon

Annex
Report of the Independent Panel on the Review of the Mission
I. Introduction
1. The Panel visited the capital.
II. Findings
2. The Panel met the parties.
Annex I
Itinerary
1. The Panel travelled by road.
"""


# A committee's report recommending two draft resolutions, whose operative paragraphs start again
# at 1. under "The General Assembly," (tests/test_structure.py, tests/test_search_browser.py).
COMMITTEE_REPORT = """United Nations                                                  A/73/650

General Assembly                                  Distr.: General
                                                  14 December 2018

                                                  Original: English

Seventy-third session
Agenda item 149
Financing of the United Nations Mission in Haiti

Report of the Fifth Committee

Rapporteur: Mr. John Smith (Norway)

I. Introduction

1. At its 2nd plenary meeting, on 21 September 2018, the General Assembly decided to include the item in its agenda.

2. The Committee considered the item at its 20th meeting.

II. Consideration of draft resolution A/C.5/73/L.20

3. At its 20th meeting, the Committee adopted draft resolution A/C.5/73/L.20 without a vote (see para. 5).

III. Recommendation of the Fifth Committee

4. The Fifth Committee recommends to the General Assembly the adoption of the following draft resolutions:

Draft resolution I

Financing of the United Nations Mission in Haiti

The General Assembly,

Having considered the reports of the Secretary-General,

1. Takes note of the report;

2. Requests the Secretary-General to take all necessary action;

(a) Welcomes the work;

(b) Notes the plan;

3. Decides to include in the provisional agenda of its seventy-fourth session the item.

Draft resolution II

Financing of the United Nations Mission in Mali

The General Assembly,

Recalling its resolution 72/300,

1. Takes note of the report on Mali;

2. Decides to close the item.
"""

# A committee's report whose annex holds the draft resolutions it recommends.
ANNEXED_DRAFTS = """A/99/20

Report of the Committee on Conferences

I. Introduction

1. The Committee met twice.

2. It recommends two draft resolutions (see annex).

Annex

Draft resolutions recommended by the Committee

Draft resolution I

Pattern of conferences

The General Assembly,

Recalling its resolution 98/1,

1. Approves the calendar;

2. Requests the Secretary-General:

(a) To report;

3. Decides to review it.

Draft resolution II

Documentation

The General Assembly,

Noting the report,

1. Decides to keep the page limits;

2. Requests a review.
"""


# A General Assembly resolution of its own: organ's line, three preambular paragraphs, two
# operative ones, the closing meeting (tests/test_structure.py, tests/test_search_browser.py).
RESOLUTION = """United Nations                                             A/RES/72/199
General Assembly                                           Distr.: General
                                                           29 January 2018

Seventy-second session
Agenda item 19 (a)

Resolution adopted by the General Assembly on 20 December 2017

72/199. Human rights and extreme poverty

The General Assembly,

Recalling its resolution 71/186 of 19 December 2016 and all previous
resolutions on human rights and extreme poverty,

Reaffirming the Universal Declaration of Human Rights,

Deeply concerned that extreme poverty persists in all countries,

1. Reaffirms that extreme poverty is a violation of human dignity;

2. Decides to continue its consideration of the question.

74th plenary meeting
20 December 2017
"""
