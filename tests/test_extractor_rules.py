"""Rules of the extractor on short invented reports (none of them from the dev set)."""

from __future__ import annotations

from extractor import Extractor, SourceText
from extractor.summary import summarize
from ontology.namespace import CKG


def _summary(extractor: Extractor, text: str) -> dict:
    return summarize(extractor.extract(SourceText(text)))


def test_a_small_place_before_its_state_is_the_attack_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Gunmen abducted 40 pupils from a school in Kwotoba, in Zamfara State, Nigeria, "
        "on 3 May 2023.",
    )
    regions = {r["name"] for r in s["regions"]}
    assert "Kwotoba" in regions and "State" not in regions, regions
    assert [a["location"] for a in s["attacks"]] == ["Kwotoba"]


def test_a_place_before_where_is_the_place_of_what_happened_there(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The convoy turned back near Bilmaro, where 12 villagers were killed by Boko Haram "
        "in 2019.",
    )
    attack = s["attacks"][0]
    assert attack["location"] == "Bilmaro" and attack["perpetrator"] == "Boko Haram"


def test_a_hyphenated_place_name_is_kept_whole(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Al-Shabaab fighters stormed the town of Al-Kareem Wadi on Sunday, killing 5 soldiers.",
    )
    assert "Al-Kareem Wadi" in {r["name"] for r in s["regions"]}


def test_a_group_blamed_in_a_later_sentence_is_the_perpetrator(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "A car bomb exploded at a checkpoint in Mogadishu on Friday, killing 9 people. "
        "No group claimed responsibility, but officials said al-Shabaab was responsible.",
    )
    assert len(s["attacks"]) == 1
    assert s["attacks"][0]["perpetrator"] == "Al-Shabaab"
    assert s["attacks"][0]["claimed_by"] is None


def test_a_response_told_twice_is_one_response(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "MINUSMA peacekeepers patrolled the roads around Gao against JNIM. "
        "The MINUSMA peacekeeping mission was later extended.",
    )
    minusma = [r for r in s["responses"] if r["responder"] == "MINUSMA"]
    assert len(minusma) == 1, s["responses"]


def test_a_district_named_with_its_suffix_is_a_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "A truck bomb exploded in the Wardhiigley District of Mogadishu on Saturday, "
        "killing 20 people.",
    )
    assert "Wardhiigley District" in {r["name"] for r in s["regions"]}
    assert s["attacks"][0]["location"] == "Wardhiigley District"


def test_a_place_said_to_be_located_somewhere_is_a_place(extractor: Extractor) -> None:
    s = _summary(extractor, "Kalgoro is located in Borno State, near the border with Cameroon.")
    assert "Kalgoro" in {r["name"] for r in s["regions"]}


def test_common_words_are_not_small_towns_without_their_diacritics(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "The group's slogan praised God, and its leader Abu Karim spoke in Nangarhar.",
    )
    regions = {r["name"] for r in s["regions"]}
    assert not regions & {"Göd", "Ābu"}, regions
    assert any(r.startswith("Nangarh") for r in regions), regions


def test_every_state_listed_after_by_the_governments_of_responds(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The Sons of the Desert Brigade is listed as a terrorist organization by the "
        "governments of Chad, Niger, and Nigeria.",
    )
    responders = {(r["responder"], r["kind"]) for r in s["responses"]}
    assert {("Chad", "sanctions"), ("Niger", "sanctions"), ("Nigeria", "sanctions")} <= responders


def test_one_response_for_a_state_and_its_command_in_one_sentence(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 12 June, the United States launched an airstrike which U.S. Africa Command said "
        "targeted al-Shabaab fighters near Jilib.",
    )
    strikes = [r for r in s["responses"] if r["kind"] == "airstrike"]
    assert len(strikes) == 1 and strikes[0]["responder"] == "United States", s["responses"]


def test_an_attack_told_with_its_refers_to_the_group_just_named(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The Sons of the Desert Brigade has grown since 2019. "
        "On 2 June 2023, its fighters ambushed a patrol near Kidal, killing 6 soldiers.",
    )
    (attack,) = s["attacks"]
    assert "Sons of the Desert" in (attack["perpetrator"] or "")
    assert attack["location"] == "Kidal" and attack["killed"] == 6


def test_a_sentence_listing_attacks_gives_one_per_attack(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Boko Haram carried out many raids. Its deadliest attacks include a bombing in "
        "Maiduguri in July 2014 that killed 60 people, twin bombings in Kano in March 2016 "
        "that killed 22, and a suicide bombing in Gwoza in 2020 that killed 9.",
    )
    found = {(a["location"], a["killed"]) for a in s["attacks"]}
    assert {("Maiduguri", 60), ("Kano", 22), ("Gwoza", 9)} <= found, s["attacks"]
    assert all(a["perpetrator"] == "Boko Haram" for a in s["attacks"]), s["attacks"]


def test_factors_are_read_joined_or_hyphenated(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Boko Haram recruits in Borno, where economic under-development and inter communal "
        "tensions have festered for decades.",
    )
    assert {f["name"] for f in s["factors"]} >= {"Poverty", "Ethnic tensions"}, s["factors"]


def test_a_killing_carried_out_by_state_forces_is_not_an_attack_by_the_group_named(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "The Gamboru massacre was carried out by the Nigerian Army in 2015, in a campaign "
        "against Boko Haram.",
    )
    assert s["attacks"] == [], s["attacks"]


def test_seizing_an_unnamed_capital_is_placed_in_its_country(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The Houthis have fought the government of Yemen since 2004. "
        "In late 2014, the Houthis took control of the capital.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [("Houthis", "Yemen")]


def test_the_capture_of_a_city_as_a_period_is_no_attack(extractor: Extractor) -> None:
    s = _summary(extractor, "It was the largest battle since the capture of Baghdad in 2003.")
    assert s["attacks"] == []


def test_a_named_airport_inside_a_city_is_the_attack_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "A suicide bombing took place at Mavuko International Airport in Kabul on 3 May 2022, "
        "killing 14 people. The Islamic State claimed responsibility for the attack.",
    )
    assert "Mavuko International Airport" in {r["name"] for r in s["regions"]}
    assert [(a["location"], a["claimed_by"]) for a in s["attacks"]] == [
        ("Mavuko International Airport", "Islamic State")
    ]


def test_a_place_given_as_a_distance_is_not_the_attack_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Houthi fighters attacked a tanker in the Gulf of Aden on Monday. "
        "The attack happened about 90 kilometers south of the port of Aden.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Gulf of Aden"]


def test_the_second_blast_is_part_of_the_bombing(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 2 March 2020, two car bombs exploded in Baidoa, killing at least 31 people. "
        "The second blast happened near the market, killing four people. "
        "Officials said al-Shabaab was responsible.",
    )
    assert [(a["location"], a["killed"], a["perpetrator"]) for a in s["attacks"]] == [
        ("Baidoa", 31, "Al-Shabaab")
    ]


def test_an_offensive_by_a_state_allied_group_is_no_attack(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The Syrian Democratic Forces launched assaults on the town of Hajin on 10 May 2018.",
    )
    assert s["attacks"] == []


def test_attacks_on_two_villages_on_consecutive_days_stay_apart(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 4 May 2021, JNIM fighters attacked the village of Kourao, killing 12 civilians. "
        "On May 4, jihadists attacked the village of Dinbala, located in Yagha Province, "
        "killing 5 civilians.",
    )
    assert sorted(a["location"] for a in s["attacks"]) == ["Dinbala", "Kourao"]


def test_factors_are_read_where_the_text_speaks_of_conflict(extractor: Extractor) -> None:
    conflict = _summary(
        extractor,
        "The insurgency in the Kivu region has deep roots: land disputes and a large "
        "supply of small arms fuel the violence in Congo.",
    )
    assert {f["name"] for f in conflict["factors"]} == {"Land disputes", "Proliferation of weapons"}
    weather = _summary(extractor, "Land disputes between neighbours are common in Congo.")
    assert weather["factors"] == []


def test_a_place_inside_the_name_of_a_war_is_no_place(extractor: Extractor) -> None:
    s = _summary(extractor, "Many fighters had served in the Second Congo War before 2003.")
    assert "Republic of the Congo" not in {r["name"] for r in s["regions"]}


def test_opening_fire_on_a_convoy_is_an_attack(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 9 June 2022, gunmen opened fire on a bus near Kaya, Burkina Faso, killing 11 people.",
    )
    assert [(a["location"], a["killed"]) for a in s["attacks"]] == [("Kaya", 11)]


def test_a_month_and_a_day_in_it_can_date_the_same_attack(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The Djibo school attack took place in Djibo, Burkina Faso, in March 2023. "
        "On 14 March 2023, armed men stormed the school in Djibo and killed six pupils.",
    )
    assert len(s["attacks"]) == 1, s["attacks"]


def test_the_next_sentence_can_say_where_the_attack_was(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 3 April 2019, 40 pupils were kidnapped by Boko Haram from their school. "
        "Gubio is located in Borno State, in the northeast of Nigeria.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Gubio"]


def test_an_attack_word_with_nothing_said_of_it_is_no_attack(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Herder-farmer conflicts are common across Niger. Many farming communities have also "
        "been attacked and raided.",
    )
    assert s["attacks"] == []


def test_the_attacked_army_is_not_a_responder(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 2 May 2024, JNIM fighters attacked Malian Army bases in Kidal, killing 9 soldiers.",
    )
    assert s["responses"] == []
    assert [a["perpetrator"] for a in s["attacks"]] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_town_after_a_struck_site_is_a_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Al-Shabaab fighters attacked a military base in Kabdheere on 3 June 2021, killing "
        "17 soldiers.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Kabdheere"]


def test_a_factor_affects_the_place_the_sentence_is_about(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The insurgency has lasted for years. Yobe is the poorest and least developed "
        "state in Nigeria.",
    )
    assert {(f["name"], f["region"]) for f in s["factors"]} == {("Poverty", "Yobe")}


def test_a_peacekeeping_mission_named_is_a_response(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Armed factions fought for control of Liberia. This precipitated the arrival of "
        "ECOMOG observers in 1990.",
    )
    assert [(r["responder"], r["kind"]) for r in s["responses"]] == [("ECOMOG", "peacekeeping")]


def test_a_seized_town_is_placed_where_the_text_names_it(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Al-Shabaab seized the town of Mahas in central Somalia after government troops withdrew.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [("Al-Shabaab", "Mahas")]


def test_a_dateline_is_not_where_the_attack_was(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "BAMAKO, Mali — Jihadists killed 14 soldiers in an ambush in central Mali, the army "
        "said Wednesday. The attack happened near the town of Boni.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Boni"]
    assert "Bamako" in {r["name"] for r in s["regions"]}


def test_firing_a_missile_is_an_attack_and_the_speaker_no_responder(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "Houthi rebels fired a missile at a commercial ship in the Red Sea on Friday, the US "
        "military said. A cease-fire had been agreed in April.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [("Houthis", "Red Sea")]
    assert s["responses"] == []


def test_a_village_in_one_state_and_another_state_are_two_events(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Bandits abducted 50 pupils in Kagoro, in Kaduna State, on 4 March 2023. "
        "Nine days earlier, 20 farmers were abducted by bandits in Sokoto State.",
    )
    assert sorted(a["location"] for a in s["attacks"]) == ["Kagoro", "Sokoto"]


def test_the_date_of_an_inquiry_into_an_attack_is_not_the_attack_date(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "On 4 November 2019, gunmen opened fire on a convoy near Bavispe, Mexico, killing "
        "nine people. In January 2025, a judge ordered prosecutors to investigate the massacre.",
    )
    assert [(a["location"], a["date_text"]) for a in s["attacks"]] == [
        ("Bavispe", "4 November 2019")
    ]


def test_one_airstrike_told_by_two_bodies_of_one_state_is_one_response(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "U.S. forces conducted an airstrike against al-Shabaab near Jilib on Monday. "
        "AFRICOM said the airstrike near Jilib killed two al-Shabaab militants.",
    )
    assert [r["kind"] for r in s["responses"]] == ["airstrike"], s["responses"]


def test_a_known_place_written_with_an_apostrophe_is_found(extractor: Extractor) -> None:
    s = _summary(extractor, "A suicide bomber struck a mosque in Sana'a on Friday.")
    assert [a["location"] for a in s["attacks"]] == ["Sanaa"]


def test_factor_wordings_that_vary_are_read_by_token_patterns(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The insurgency in Niger has many causes. Herders say they are marginalized and "
        "impoverished in both Niger and Chad, and land acquisitions by investors have pushed "
        "farmers off their fields amid ethnic and religious tensions.",
    )
    factors = {(f["name"], f["region"]) for f in s["factors"]}
    assert {("Marginalisation", "Niger"), ("Marginalisation", "Chad")} <= factors
    assert {"Poverty", "Land disputes", "Ethnic tensions"} <= {name for name, _ in factors}


def test_an_attack_told_after_a_reference_to_another_is_read_from_its_own_verb(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "On 9 May 2021, JNIM fighters attacked the village of Kourao, killing 30 civilians. "
        "On May 8, a day before the massacre, jihadists attacked the village of Dinbala, "
        "killing 6 civilians.",
    )
    assert sorted(a["location"] for a in s["attacks"]) == ["Dinbala", "Kourao"]


def test_the_town_attacked_is_the_town_named_before(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The massacre took place on 2 May 2002 in the town of Bellavista, Colombia. "
        "FARC guerrillas attacked the town to take control of the Atrato River region.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Bellavista"]


def test_soldiers_who_retaliated_and_killed_made_no_attack(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Boko Haram fighters attacked villages near Kolofata on Monday, killing 6 villagers. "
        "Cameroon's government says troops retaliated Wednesday and killed 12 militants.",
    )
    assert [a["killed"] for a in s["attacks"]] == [6]


def test_clashes_that_broke_out_somewhere_are_an_event(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "By the end of the march, clashes broke out between the two communities in the "
        "Churachandpur district.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Churachandpur"]


def test_a_country_inside_a_hyphenated_name_is_no_place(extractor: Extractor) -> None:
    s = _summary(extractor, "According to Agence France-Presse, the talks resumed.")
    assert s["regions"] == []


def test_a_claim_by_militants_allied_with_a_group_is_not_the_groups(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "Militants attacked an outpost in the Tirah valley on Monday, killing 5 soldiers. "
        "Militants allied with the Pakistani Taliban released a statement claiming "
        "responsibility for the raid in Tirah.",
    )
    assert [(a["perpetrator"], a["claimed_by"]) for a in s["attacks"]] == [(None, None)]


def test_the_village_the_struck_site_is_located_in(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 24 November 2017, the mosque was attacked by gunmen during prayers, killing 300 "
        "people. The mosque is located in the village of Al-Mazar, east of Bir al-Abed.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Al-Mazar"]


def test_dates_written_out_are_read_to_the_day_month_or_year(extractor: Extractor) -> None:
    graph = extractor.extract(
        SourceText(
            "On 24 October 2020, gunmen stormed a school in Kumba, killing 7 pupils. "
            "In March 2019, JNIM fighters attacked the town of Dioura, killing 21 soldiers."
        )
    )
    dates = sorted(str(d) for d in graph.objects(None, CKG.date))
    assert dates == ["2019-03-01", "2020-10-24"]


def test_a_state_named_with_its_type_is_the_state_not_its_city(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 28 March 2022, a train was attacked by bandits in Katari, Kaduna State, Nigeria.",
    )
    regions = {(r["name"], r["type"]) for r in s["regions"]}
    assert ("Kaduna", "subdivision") in regions and ("Kaduna", "town") not in regions
    assert [a["location"] for a in s["attacks"]] == ["Katari"]


def test_a_hyphenated_district_name_is_kept_whole(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Boko Haram fighters attacked villages in Cameroon's Mayo-Moskota district on Monday, "
        "killing 6 villagers.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Mayo-Moskota"]


def test_a_town_known_by_another_spelling_is_found_where_its_country_is_said(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "Gunmen stormed a market in Derna, in eastern Libya, on Monday, killing five traders.",
    )
    derna = [r for r in s["regions"] if r["name"] == "Darnah"]  # GeoNames' name, 'Derna' its alias
    assert derna == [{"name": "Darnah", "type": "town"}], s["regions"]
    assert [a["location"] for a in s["attacks"]] == ["Darnah"]


def test_another_spelling_of_a_town_abroad_is_no_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Clashes between the Kuki and Meitei communities in Manipur, India, killed 70 people.",
    )
    assert {r["name"] for r in s["regions"]} == {"Manipur", "India"}, s["regions"]


def test_an_acronym_after_a_translation_in_brackets_is_defined(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The Zantu Liberation Front (French: Front de libération zantu; FLZ) is an armed group "
        "in Mali. The FLZ attacked Kidal on 3 May 2021.",
    )
    assert s["groups"] == [
        {"name": "Zantu Liberation Front", "aliases_in_text": ["FLZ", "Zantu Liberation Front"]}
    ]


def test_an_acronym_before_a_citation_mark_is_read_clean(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Rebels founded the Kivu Defence Army (KDA).[4] Its armed wing, the Kivu People's Army "
        "(KPA), attacked Beni in 2019.",
    )
    aliases = {a for g in s["groups"] for a in g["aliases_in_text"]}
    assert {"KDA", "KPA", "Kivu People's Army"} <= aliases, s["groups"]
    assert not any(a.startswith((",", "the ")) or a.endswith(")") for a in aliases), aliases


def _affiliations(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(a["group"], a["affiliated_with"]) for a in _summary(extractor, text)["affiliations"]}


def test_an_armed_wing_belongs_to_its_movement(extractor: Extractor) -> None:
    found = _affiliations(
        extractor,
        "In 1990 exiles established the Zantu Liberation Front and its armed wing, the Zantu "
        "People's Army (ZPA), to fight the government of Chad.",
    )
    assert found == {("Zantu People's Army", "Zantu Liberation Front")}


def test_the_members_of_a_coalition_composed_of_groups(extractor: Extractor) -> None:
    found = _affiliations(
        extractor,
        "The Kivu Alliance, a military coalition composed of three armed groups: the Zantu "
        "Liberation Front, the Kivu Defence Army and Ansar Dine, attacked Beni in 2021.",
    )
    assert found == {
        ("Zantu Liberation Front", "Kivu Alliance"),
        ("Kivu Defence Army", "Kivu Alliance"),
        ("Ansar Dine", "Kivu Alliance"),
    }


def test_founders_are_members_of_what_they_founded(extractor: Extractor) -> None:
    found = _affiliations(
        extractor,
        "Ansar Dine and several other jihadist groups founded the Jama'at Nusrat al-Islam "
        "wal-Muslimin coalition in 2017.",
    )
    assert found == {("Ansar Dine", "Jama'at Nusrat al-Islam wal-Muslimin")}


def test_a_group_described_as_anothers_branch(extractor: Extractor) -> None:
    found = _affiliations(
        extractor,
        "Attacks were claimed by the JNIM coalition, al-Qaeda's branch in the Sahel, in 2019.",
    )
    assert found == {("Jama'at Nusrat al-Islam wal-Muslimin", "al-Qaeda")}


def test_a_states_troops_fighting_a_group_are_a_military_operation(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Boko Haram fighters raided the village of Kaiga on Friday. Chadian troops drove the "
        "militants out of the village the next day.",
    )
    assert [(r["responder"], r["kind"]) for r in s["responses"]] == [
        ("Chadian army", "military_operation")  # a state's forces, part of Chad
    ], s["responses"]


def test_a_peace_agreement_needs_no_named_responder(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "In 2019 a peace agreement between the government and the Zantu Liberation Front ended "
        "the fighting.",
    )
    assert [(r["name_or_description"], r["kind"], r["target"]) for r in s["responses"]] == [
        ("peace agreement", "diplomatic", "Zantu Liberation Front")
    ], s["responses"]


def test_a_state_named_after_its_government_responds(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The government of Ethiopia signed a truce with the Oromo Liberation Army in 2024.",
    )
    assert [(r["responder"], r["kind"]) for r in s["responses"]] == [("Ethiopia", "diplomatic")]


def test_a_verb_of_response_with_no_one_acting_is_no_response(extractor: Extractor) -> None:
    s = _summary(extractor, "The Zantu Liberation Front was designated in 2020.")
    assert s["responses"] == []


def test_the_place_an_official_governs_is_not_where_the_attack_was(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Boko Haram fighters killed nine fishermen on Friday, the governor of Chad's Lac "
        "Province said.",
    )
    assert [a["location"] for a in s["attacks"]] == [None], s["attacks"]  # not the governor's


def test_the_only_group_of_a_sentence_that_names_the_event_first(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The Kaiga massacre occurred on 3 May 2001, when about 200 Lord's Resistance Army "
        "soldiers entered the town of Kaiga.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [
        ("Lord's Resistance Army", "Kaiga")
    ]


def test_the_side_an_army_massacre_was_fought_against_is_no_perpetrator(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "The Kaiga massacre was carried out by the Malian Armed Forces in March 2022, in "
        "conflict with Ansar Dine.",
    )
    assert all(a["perpetrator"] != "Ansar Dine" for a in s["attacks"]), s["attacks"]


def test_factor_wordings_of_governance_grievance_and_exclusion(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Yemen's weak central government is struggling with a growing insurgency by the Zantu "
        "Liberation Front. The war in Yemen was triggered by the cancellation of the 1992 "
        "elections and by discrimination against the Zantu people.",
    )
    assert {(f["name"], f["region"]) for f in s["factors"]} == {
        ("Weak governance", "Yemen"),
        ("Political grievances", "Yemen"),
        ("Marginalisation", "Yemen"),
    }, s["factors"]


def test_the_number_of_an_operation_is_not_its_year(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Operation 1027 is an offensive by the Arakan Army, which attacked the town of Kyauktaw "
        "in Rakhine State.",
    )
    assert [a["date_text"] for a in s["attacks"]] == [None], s["attacks"]


def test_a_small_place_spelled_two_ways_is_one_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "A suicide bomber struck a church in Abbasia, Egypt on 11 December 2016, killing 29 "
        "people. Thousands of mourners gathered in Abbassia, Egypt the next day.",
    )
    names = {r["name"] for r in s["regions"]}
    assert "Abbasia" in names and "Abbassia" not in names, names


def test_the_attack_told_next_joins_the_event_not_a_town_named_near_it(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "The Kaiga massacre took place on 28 November 2020 in the village of Kaiga, Nigeria, when "
        "110 farmers were killed in rice fields near the city of Maiduguri. The attack was "
        "thought to be carried out by Boko Haram.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [("Boko Haram", "Kaiga")]


def test_a_compass_adjective_before_province_is_no_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Most of the Southern province fell to al-Qaeda in April 2015, and the group seized "
        "Mukalla, Yemen.",
    )
    assert "Southern" not in {r["name"] for r in s["regions"]}, s["regions"]


def test_a_states_army_defined_with_an_acronym_is_no_armed_group(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Militants raided villages controlled by the Mozambican Army (FADM) in Cabo Delgado.",
    )
    assert "Mozambican Army" not in {g["name"] for g in s["groups"]}, s["groups"]


def test_a_name_after_an_attack_word_and_in_is_a_place(extractor: Extractor) -> None:
    s = _summary(
        extractor, "In May, 34 civilians were killed in massacres by jihadists in Toumbali."
    )
    assert [a["location"] for a in s["attacks"]] == ["Toumbali"], s["attacks"]


def test_a_building_or_a_language_after_an_attack_word_is_no_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Gunmen killed 12 pupils at Mother Kaiga International Bilingual Academy in May 2018. "
        "A bomb, known in Spanish as a pipeta, exploded at St. Peter and St. Paul's Church.",
    )
    names = {r["name"] for r in s["regions"]}
    assert not names & {"Mother Kaiga International", "Spanish", "St. Peter"}, names


def test_forces_whose_bases_were_attacked_made_no_response(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 3 May 2024, JNIM gunmen attacked several places across Kidal, the largest town of "
        "the region, including Malian Army and Wagner Group bases and the airport.",
    )
    assert s["responses"] == [], s["responses"]
    assert [a["perpetrator"] for a in s["attacks"]] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_cause_told_after_a_town_is_not_said_of_the_town(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "In July 2014 the armed factions signed a ceasefire agreement in Brazzaville. Much of "
        "the fighting is driven by ethnic tensions between herders and farmers.",
    )
    assert s["factors"] == [{"name": "Ethnic tensions", "region": None}], s["factors"]


def test_the_country_refugees_fled_is_not_where_they_were_attacked(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The victims were refugees who had fled the Democratic Republic of the Congo, and "
        "rebels attacked them at night, killing 136 people.",
    )
    assert [a["location"] for a in s["attacks"]] == [None], s["attacks"]


def test_oppression_and_competition_for_oil_wealth_are_causes(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The rebels took up arms against the government of Sudan, which they accused of "
        "oppressing the Fur people. Competition for oil wealth has fueled the violence in Sudan.",
    )
    assert {f["name"] for f in s["factors"]} == {
        "Marginalisation",
        "Competition over resources",
    }, s["factors"]


def test_the_community_of_a_name_is_a_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Witnesses said Boko Haram militants attacked the community of Kaigama in Borno state "
        "before dawn Tuesday, killing 68 people.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Kaigama"], s["attacks"]


def test_a_date_after_since_measures_from_another_event(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 3 May 2021, ISWAP fighters ambushed an army convoy near Monguno, Nigeria, killing "
        "30 soldiers. The attack was the deadliest ambush against Nigerian forces since the "
        "start of the insurgency in 2009.",
    )
    assert [(a["location"], a["date_text"]) for a in s["attacks"]] == [("Monguno", "3 May 2021")], (
        s["attacks"]
    )


def test_raids_on_a_list_of_towns_are_placed_where_the_towns_lie(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 3 May 2015, Boko Haram fighters raided the towns of Kaigama, Bulagu, Tumbori and "
        "Garinda, all located in Cameroon's Far North region.",
    )
    assert {"Kaigama", "Bulagu", "Tumbori", "Garinda"} <= {r["name"] for r in s["regions"]}
    assert [a["location"] for a in s["attacks"]] == ["Far North"], s["attacks"]


def test_a_town_followed_by_the_places_it_lies_in_is_no_list(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "FARC guerrillas carried out a massacre on May 2, 2002 in the town of Bellavista, "
        "Bojayá Municipality, Chocó Department, Colombia.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Bellavista"], s["attacks"]


def test_the_seizure_of_a_city_by_a_group_is_an_attack(extractor: Extractor) -> None:
    s = _summary(
        extractor, "The first seizure of the city of Kidal was in March 2012 by Ansar Dine."
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [("Ansar Dine", "Kidal")]


def test_a_group_described_as_a_terrorist_organisation_is_no_designation(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "The attacks were carried out by Lashkar-e-Taiba, a terrorist organisation based in "
        "Pakistan.",
    )
    assert s["responses"] == [], s["responses"]


def test_unknown_acronyms_listed_with_armed_groups_are_groups(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Rebel groups including Anti-balaka, ZDF, KRM and the Lord's Resistance Army formed a "
        "coalition in 2020.",
    )
    assert {"ZDF", "KRM"} <= {g["name"] for g in s["groups"]}, s["groups"]


def test_regions_that_are_no_administrative_unit_are_known(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Militants attacked oil facilities in the Niger Delta, while the war went on in Darfur "
        "and in Tigray.",
    )
    assert {"Niger Delta", "Darfur", "Tigrai"} <= {r["name"] for r in s["regions"]}, s["regions"]


def test_armed_groups_of_many_regions_are_known_by_name(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Lashkar-e-Jhangvi claimed the bombing in Quetta, Pakistan, while Los Zetas gunmen "
        "killed 72 migrants in Tamaulipas, Mexico, and the LTTE fought on in Sri Lanka.",
    )
    assert {"Lashkar-e-Jhangvi", "Los Zetas", "Liberation Tigers of Tamil Eelam"} <= {
        g["name"] for g in s["groups"]
    }, s["groups"]


def test_a_group_name_that_starts_with_a_people_or_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "From 1989 the Chadian Renewal Front and the Tibesti Land Defence Force fought the "
        "Chadian National Army and the Multinational Force around Faya-Largeau. Later the "
        "Sara Patriotic Movement and the Logone Liberation Front joined the fighting.",
    )
    groups = {g["name"] for g in s["groups"]}
    assert {
        "Chadian Renewal Front",
        "Tibesti Land Defence Force",
        "Logone Liberation Front",
    } <= groups, groups
    assert not groups & {"Chadian National Army", "National Army", "Multinational Force"}, groups
    assert not any(g.startswith("Later") for g in groups), groups


def test_forces_named_by_generic_words_or_of_the_police_are_no_groups(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "The Armed Forces and the Central Reserve Police Force raided rebel camps of the Ukumbi "
        "Liberation Front near Lake Mweru, and the Central African Armed Forces sent troops.",
    )
    groups = {g["name"] for g in s["groups"]}
    assert "Ukumbi Liberation Front" in groups, groups
    assert not groups & {
        "Armed Forces",
        "Central Reserve Police Force",
        "Central African Armed Forces",
    }, groups


def test_grievances_and_resources_in_other_words(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Control of Liberia's diamond industry was a primary cause of the war. With the "
        "breakdown of all state structures, militias armed themselves. The rebels demanded "
        "greater autonomy for the south and the release of political prisoners.",
    )
    factors = {(f["name"], f["region"]) for f in s["factors"]}
    assert {
        ("Competition over resources", "Liberia"),
        ("Weak governance", "Liberia"),
        ("Political grievances", "Liberia"),
    } <= factors, factors


def test_a_cause_affects_the_province_or_country_not_a_town(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The insurgency in Ruvuma Province, Tanzania, has grown for years. In Tunduru, poverty "
        "drives young men to join the rebels. In Kindu, a town of Maniema Province, "
        "unemployment feeds the militias.",
    )
    factors = {f["name"]: f["region"] for f in s["factors"]}
    assert factors.get("Poverty") in {"Ruvuma", "Ruvuma Province", "Tanzania"}, factors
    assert factors.get("Unemployment") in {"Maniema", "Maniema Province"}, factors


def test_central_america_is_a_region_not_the_united_states(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Gang violence in El Salvador, the smallest country in Central America, is fuelled by "
        "poverty and unemployment.",
    )
    regions = {r["name"]: r["type"] for r in s["regions"]}
    assert regions.get("Central America") == "macro-region" and "United States" not in regions
    assert {f["region"] for f in s["factors"]} == {"El Salvador"}, s["factors"]


def test_a_dash_after_a_place_inside_a_sentence_is_no_dateline(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Before dawn, Boko Haram fighters stormed an army post on an island in Lake Chad - "
        "killing 40 soldiers.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [
        ("Boko Haram", "Lake Chad")
    ]
    assert {r["name"]: r["type"] for r in s["regions"]}.get("Lake Chad") == "other"
    s = _summary(
        extractor,
        "NIAMEY, Niger — Gunmen killed 12 soldiers in an ambush near Tillia on Sunday.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Tillia"]


def test_an_assault_throughout_a_city_is_placed_in_the_city(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 4 May 2019, armed militants launched an assault on several sites throughout Niamey, "
        "the capital of Niger.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Niamey"]


def test_state_forces_struck_by_a_raid_made_no_response(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The town of Dioura had been subject to raids before, with the first one in 2018 by "
        "JNIM killing a dozen Malian soldiers.",
    )
    assert s["responses"] == [], s["responses"]
    assert [a["location"] for a in s["attacks"]] == ["Dioura"]


def test_a_place_a_town_is_located_near_is_not_where_the_attack_was(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 2 March 2021, militants entered the farming town of Wuro Sawa, Soum Province, "
        "located near the regional capital, Djibo. At least 20 people were killed in the attack.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Wuro Sawa"], s["attacks"]


def test_a_lone_gunman_is_an_attacker(extractor: Extractor) -> None:
    s = _summary(
        extractor, "Last Sunday, gunman killed four traders in a market in the small town of Kossi."
    )
    assert [(a["location"], a["killed"]) for a in s["attacks"]] == [("Kossi", 4)], s["attacks"]


def test_groups_named_by_arabic_words_for_battalion_army_or_province(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "Katibat al-Hadid fighters ambushed a patrol near Timbuktu on Monday. Wilayat Tarablus, "
        "a province of the Islamic State, claimed a bombing in Sirte on Friday.",
    )
    groups = {g["name"] for g in s["groups"]}
    assert {"Katibat al-Hadid", "Wilayat Tarablus"} <= groups, groups
    assert ("Katibat al-Hadid", "Timbuktu") in {
        (a["perpetrator"], a["location"]) for a in s["attacks"]
    }


def test_a_group_the_next_sentence_says_carried_it_out(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "A car bomb exploded in the market town of Kilbride on 3 May 2001, killing 9 people. "
        "It was carried out by the Ulster Freedom Brigade, a splinter group of the Ulster "
        "Volunteer Force.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [
        ("Ulster Freedom Brigade", "Kilbride")
    ], s["attacks"]


def test_a_cartel_is_a_group(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The plane was destroyed by a bomb over the town of Soacha on 27 November 1989. "
        "The bombing had been ordered by the Tolima Cartel.",
    )
    assert [(a["perpetrator"], a["location"]) for a in s["attacks"]] == [
        ("Tolima Cartel", "Soacha")
    ], s["attacks"]


def test_whoever_claims_an_attack_is_a_group_even_if_its_acronym_names_a_town(
    extractor: Extractor,
) -> None:
    s = _summary(
        extractor,
        "A car bomb killed 14 soldiers in Diyarbakir on 3 March 2017. The Mountain Eagles of "
        "Zagros (TAK) took responsibility for the attack.",
    )
    assert "Mountain Eagles of Zagros" in {g["name"] for g in s["groups"]}, s["groups"]
    assert "Tak" not in {r["name"] for r in s["regions"]}
    assert [a["claimed_by"] for a in s["attacks"]] == ["Mountain Eagles of Zagros"]


def test_a_group_said_not_to_be_involved_is_no_perpetrator(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On 11 May 2014, members of Ansar al-Sharia attacked a police station in Derna, killing "
        "four officers. There is no definitive evidence that al-Qaeda participated in the Derna "
        "attack.",
    )
    perpetrators = {a["perpetrator"] for a in s["attacks"]}
    assert "Ansar al-Sharia" in perpetrators and "al-Qaeda" not in perpetrators, s["attacks"]


def test_a_named_camp_is_the_place_of_an_attack_on_it(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On Monday several hundred rebels of the Lord's Resistance Army attacked the Lubendo-Aji "
        "camp, home to ten thousand refugees, in northern Uganda.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Lubendo-Aji"], s["attacks"]


def test_the_unnamed_government_or_police_responds_for_its_state(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "RENAMO fighters attacked buses in Sofala province, Mozambique, in 2013. In September "
        "2014 a ceasefire was signed between the government and the rebels.",
    )
    assert ("diplomatic", "Mozambique") in {(r["kind"], r["responder"]) for r in s["responses"]}
    s = _summary(
        extractor,
        "Gunmen fired on a bus carrying Kenyan athletes near the stadium in Lahore. In August "
        "2016, three of the attackers were killed during a police raid in Lahore.",
    )
    assert ("military_operation", "Pakistan") in {
        (r["kind"], r["responder"]) for r in s["responses"]
    }, s["responses"]
    s = _summary(extractor, "Militants raided a police station in Kano, Nigeria, killing five.")
    assert s["responses"] == [], s["responses"]


def test_a_town_name_that_speaks_is_a_person_or_a_government(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Five herders were killed in Nyajerbe village, Juba County. The situation is calm, "
        "Wani said. Islamabad says it will send troops.",
    )
    regions = {r["name"] for r in s["regions"]}
    assert not regions & {"Wani", "Islamabad"}, regions


def test_the_blast_told_next_takes_the_place_of_its_clause(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Officials in southern Thailand say six rangers have been killed in a roadside bombing. "
        "Two villagers were wounded in the blast on Saturday in the Muslim-majority Narathiwat "
        "province.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Narathiwat"], s["attacks"]


def test_a_group_named_on_the_attack_word_is_its_perpetrator(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Boko Haram (BH) kept raiding the Far North Region. On 3 April, a herder was killed in "
        "Tolkomari, Mayo-Sava, during a BH incursion, as ISWAP fighters watched.",
    )
    assert ("Boko Haram", "Tolkomari") in {
        (a["perpetrator"], a["location"]) for a in s["attacks"]
    }, s["attacks"]


def test_causes_in_the_wider_lexicon(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The insurgency in Niger grew out of ungoverned spaces along the frontier, the "
        "proliferation of small arms from wars next door, and decades of neglect by the "
        "central government.",
    )
    assert {
        ("Weak governance", "Niger"),
        ("Proliferation of weapons", "Niger"),
        ("Marginalisation", "Niger"),
    } <= {(f["name"], f["region"]) for f in s["factors"]}, s["factors"]


def test_a_named_operation_of_a_states_armed_forces(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Early on 2 July, the Bangladesh Armed Forces launched a counter-assault named Operation "
        "Sea Eagle against the Islamic State gunmen holding hostages in Chittagong.",
    )
    assert ("military_operation", "Bangladesh") in {
        (r["kind"], r["responder"]) for r in s["responses"]
    }, s["responses"]


def test_counterattacks_and_emergency_rule_by_the_government(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "JNIM launched heavy attacks in northern Benin in 2022 and the government launched "
        "counterattacks. The government later turned the north of Benin into a closed military "
        "zone under curfew.",
    )
    kinds = {(r["kind"], r["responder"]) for r in s["responses"]}
    assert {("military_operation", "Benin"), ("security_deployment", "Benin")} <= kinds, kinds


def test_a_siege_and_a_shooting_are_attacks(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Since 8 August 2023, JNIM has imposed a siege on the city of Goundam. On 3 May, "
        "gunmen shot dead four traders in the town of Tonka.",
    )
    places = {(a["perpetrator"], a["location"]) for a in s["attacks"]}
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "Goundam") in places, places
    assert (None, "Tonka") in places, places


def test_a_branch_named_with_another_spelling_of_its_parent(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Both al-Qa’ida in the Islamic Maghreb and ISIS in the Greater Sahara attacked army "
        "posts near Menaka in 2019.",
    )
    groups = {g["name"] for g in s["groups"]}
    assert {"al-Qaeda in the Islamic Maghreb", "Islamic State Sahel Province"} <= groups, groups
    assert not groups & {"al-Qaeda", "Islamic State"}, groups


def test_groups_of_the_wider_gazetteer(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "UNITA rebels ambushed a convoy near Huambo in 1993, and in Mozambique RENAMO fighters "
        "attacked buses in Sofala province.",
    )
    groups = {g["name"] for g in s["groups"]}
    assert {"RENAMO", "UNITA"} <= groups, groups


def test_a_response_no_one_is_named_for_has_no_responder(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The rebels of the Kivu Liberation Front attacked Goma in 2012; a peace agreement "
        "between the Kivu Liberation Front and others was signed in 2013.",
    )
    assert ("diplomatic", None) in {(r["kind"], r["responder"]) for r in s["responses"]}, s[
        "responses"
    ]


def test_a_government_department_is_no_place(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "The State Department designated the gang a terrorist organisation, and the Police "
        "Department of Port-au-Prince asked for help. Fighting continued in the Nord-Ouest "
        "Department of Haiti.",
    )
    regions = {r["name"] for r in s["regions"]}
    assert not regions & {"State Department", "Police Department"}, regions
    assert "Haiti" in regions


def test_a_group_that_denies_or_condemns_the_attack_is_no_perpetrator(
    extractor: Extractor,
) -> None:
    for text in (
        "A car bomb killed six soldiers in Tyre on 24 June. Hezbollah condemned the attack.",
        "A car bomb killed six soldiers in Tyre on 24 June. Hezbollah has continued to deny any "
        "involvement in the bombing.",
    ):
        s = _summary(extractor, text)
        assert "Hezbollah" not in {a["perpetrator"] for a in s["attacks"]}, (text, s["attacks"])


def test_fighting_or_violence_that_broke_out_is_an_event(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "On the night of 24 July 1983, rioting started in the city of Jaffna. Violence in the "
        "north has long been blamed on poverty.",
    )
    assert [a["location"] for a in s["attacks"]] == ["Jaffna"], s["attacks"]


def test_a_place_described_as_a_kind_of_settlement(extractor: Extractor) -> None:
    s = _summary(
        extractor,
        "Gunmen attacked Wadi al-Hamra, a UNRWA Palestinian refugee camp near Sidon, on 3 May "
        "2009, killing four guards.",
    )
    assert "Wadi al-Hamra" in {r["name"] for r in s["regions"]}, s["regions"]
