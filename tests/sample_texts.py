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
