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
])
def test_quantities(text, value, unit, written):
    q = find_quantities(text)[0]
    assert (q.value, q.unit, q.text) == (pytest.approx(value), unit, written)


@pytest.mark.parametrize("text, deaths", [
    ("Clashes resulted in the alleged loss of lives of one Afghan civilian and four Turkmen soldiers.", 5),
    ("The attack killed 12 people and injured 30.", 12),
    ("Three soldiers were killed and two civilians died.", 5),
    ("No one died in the incident.", None),
    ("Trade grew by 5 percent.", None),
])
def test_fatalities(text, deaths):
    assert find_fatalities(text) == deaths
