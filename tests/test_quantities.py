"""Money with scale words and currencies, tonnes, percent, people; fatalities summed."""
from __future__ import annotations

import pytest

from transforms.coder.quantities import find_fatalities, find_quantities


@pytest.mark.parametrize("text, value, unit, written", [
    ("humanitarian aid (approximately $472 million)", 472e6, "USD", "$472 million"),
    ("trade totalling an approximate $ 987.9 million in 2022", 987.9e6, "USD", "$ 987.9 million"),
    ("deals worth US$ 2.5 billion", 2.5e9, "USD", "US$ 2.5 billion"),
    ("a USD 5bn deal", 5e9, "USD", "USD 5bn"),
    ("20 million euros", 20e6, "EUR", "20 million euros"),
    ("provided 111 tons of aid", 111, "tonnes", "111 tons"),
    ("12,000 metric tonnes of wheat", 12000, "tonnes", "12,000 metric tonnes"),
    ("delivered 70 per cent of total flour", 70, "percent", "70 per cent"),
    ("grew 3.5% last year", 3.5, "percent", "3.5%"),
    ("1,200 Afghan refugees were deported", 1200, "people", "1,200 Afghan refugees"),
    ("35 accords worth about $2.5 billion", 2.5e9, "USD", "$2.5 billion"),
    ("an investment of up to US$ 500 million", 500e6, "USD", "US$ 500 million"),
    ("a $1.2bn credit line", 1.2e9, "USD", "$1.2bn"),
    ("granted 5 million dollars to the hospital", 5e6, "USD", "5 million dollars"),
    ("a grant of €20 million", 20e6, "EUR", "€20 million"),
    ("shipped 3,000 tonnes of wheat", 3000, "tonnes", "3,000 tonnes"),
    ("covers 70% of imports", 70, "percent", "70%"),
    ("a 75-km rail spur", 75, "km", "75-km"),
    ("supplies 100 MW of power", 100, "MW", "100 MW"),
    ("sold 1.5 billion kWh of electricity", 1.5e9, "kWh", "1.5 billion kWh"),
    ("a hundred students were admitted", 100, "people", "a hundred students"),
])
def test_quantities(text, value, unit, written):
    q = find_quantities(text)[0]
    assert (q.value, q.unit, q.text) == (pytest.approx(value), unit, written)


@pytest.mark.parametrize("text, deaths", [
    ("Clashes resulted in the alleged loss of lives of one Afghan civilian and four Turkmen soldiers.", 5),
    ("The attack killed 12 people and injured 30.", 12),
    ("Three soldiers were killed and two civilians died.", 5),
    ("No one died in the incident.", 0),
    ("No casualties were reported on either side.", 0),
    ("Officials said nobody was killed when the shells landed.", 0),
    ("Gunmen killed three soldiers and two civilians at the post.", 5),
    ("At least 140 people were killed in the raid on the hall.", 140),
    ("Around a hundred people were killed on both sides of the border.", 100),
    ("A border guard was killed in the exchange of fire.", 1),
    ("Some two hundred fighters died in the offensive.", 200),
    ("The guards were put on alert.", None),
    ("Trade grew by 5 percent.", None),
])
def test_fatalities(text, deaths):
    assert find_fatalities(text) == deaths


def test_no_number_no_quantity():
    assert find_quantities("several thousand fighters moved north") == []
    assert find_quantities("in the 2000s the road was built") == []
    assert find_quantities("a 1.2bn deal") == []          # no currency: unknown unit


def test_each_event_takes_its_own_quantity():
    from transforms.coder.quantities import measure
    s = "The state gave food aid (about $90 million) and has supplied 40 per cent of the fuel imported by its neighbour."
    found = find_quantities(s)
    heads = [s.index("gave"), s.index("supplied")]
    assert measure(s, found, heads[0], heads[0] + 4, heads)[0].unit == "USD"
    assert measure(s, found, heads[1], heads[1] + 8, heads)[0].unit == "percent"
    # a figure before the trigger in the same clause
    s2 = "Some 2,000 tonnes of flour were delivered by the ministry."
    h = s2.index("delivered")
    assert measure(s2, find_quantities(s2), h, h + 9, [h])[0].value == 2000


def test_killing_counts_are_fatalities_not_quantities():
    from transforms.coder.quantities import measure
    s = "Gunmen attacked the post, killing four soldiers."
    h = s.index("attacked")
    qty, deaths = measure(s, find_quantities(s), h, h + 8, [h], "ASSAULT")
    assert qty is None and deaths == 4
    qty, deaths = measure(s, find_quantities(s), h, h + 8, [h], "CONSULT")
    assert deaths is None


def test_dollar_figure_in_apposition_wins_over_another_currency():
    from transforms.coder.quantities import measure
    s = "Beijing pledged tents and blankets worth 70 million yuan, about $10 million, to the victims."
    q, _ = measure(s, find_quantities(s), s.index("pledged"), s.index("pledged") + 7)
    assert (q.value, q.unit) == (10e6, "USD")
    s = "Moscow pledged RUB 900 million (roughly US$ 12 million) for the clinic."
    q, _ = measure(s, find_quantities(s), s.index("pledged"), s.index("pledged") + 7)
    assert (q.value, q.unit) == (12e6, "USD")
    s = "Brussels pledged €20 million to the clinic and $5 million to the school."
    q, _ = measure(s, find_quantities(s), s.index("pledged"), s.index("pledged") + 7)
    assert q.unit == "EUR"


def test_money_in_a_passive_subject_measures_the_act():
    from transforms.coder.quantities import measure
    s = "A further $75 million is sought for the shelters."
    q, _ = measure(s, find_quantities(s), s.index("sought"), s.index("sought") + 6)
    assert q.value == 75e6
