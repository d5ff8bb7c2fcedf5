"""Short reports written for the query and API tests: several groups, dated attacks with
casualties, claims, affiliations, responses and factors in three regions, so that the date-range
and per-year queries have something to count. Ingested with the real extractor next to the
bundled samples (see the ``corpus_store`` fixture)."""

from __future__ import annotations

from datetime import date

from extractor import SourceText

BURKINA = """Militants kill soldiers in northern Burkina Faso
On 12 March 2024, fighters of Jama'at Nusrat al-Islam wal-Muslimin (JNIM) attacked an army base near Djibo in Burkina Faso, killing 23 soldiers.
JNIM claimed responsibility for the Djibo attack in a statement released by its media arm.
On 26 November 2023, JNIM militants attacked the town of Djibo, killing 40 civilians.
JNIM, which is affiliated with al-Qaeda, is active in Burkina Faso, Mali and Niger.
Al-Qaeda is also active in Mali.
The Burkinabe army launched a military operation against JNIM in the Sahel region.
Analysts say that poverty and weak governance drive recruitment in Burkina Faso.
"""

NIGERIA = """Boko Haram and ISWAP attacks in north-east Nigeria
On 3 September 2023, Boko Haram fighters attacked a village near Maiduguri in Borno State, Nigeria, killing 37 people.
The Islamic State West Africa Province (ISWAP), an affiliate of the Islamic State, attacked a military base in Borno State on 14 January 2024, killing 12 soldiers.
ISWAP claimed responsibility for the attack on the military base.
ISWAP is affiliated with the Islamic State and is active in the Lake Chad Basin and in Nigeria.
The Multinational Joint Task Force (MNJTF) conducted airstrikes against Boko Haram in the Lake Chad Basin.
Poverty and climate change are fuelling the conflict in Nigeria.
"""

SOMALIA = """Al-Shabaab bombing in Mogadishu
On 29 October 2022, Al-Shabaab detonated two car bombs in Mogadishu, Somalia, killing 121 people.
Al-Shabaab claimed responsibility for the Mogadishu bombing.
Al-Shabaab, an affiliate of al-Qaeda, remains active in Somalia and Kenya.
The African Union Transition Mission in Somalia (ATMIS) launched a military operation against Al-Shabaab.
Weak governance and drought have deepened the crisis in Somalia.
"""

SOURCES = [
    SourceText(
        BURKINA,
        url="https://example.org/reports/burkina-djibo",
        title="Djibo attacks",
        published=date(2024, 3, 14),
        name="burkina",
    ),
    SourceText(
        NIGERIA,
        url="https://example.org/reports/borno",
        title="Borno attacks",
        published=date(2024, 1, 20),
        name="nigeria",
    ),
    SourceText(
        SOMALIA,
        url="https://example.org/reports/mogadishu",
        title="Mogadishu bombing",
        published=date(2022, 10, 30),
        name="somalia",
    ),
]
