import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit import load_sample
from toolkit.claims import casualty_tolls, explain, extract_claims

ROOT = Path(__file__).resolve().parents[1]


def claims_of(text: str) -> list[tuple]:
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    return extract_claims(arts).select("quantity", "low", "high", "qualifier", "outcome").rows()


def claims_in(text: str) -> pl.DataFrame:
    """The claims frame of one article, without dates."""
    return extract_claims(pl.DataFrame({"doc_id": ["a"], "text": [text]}), dates=False)


def test_counts_are_linked_to_their_outcome():
    assert claims_of("A car bombing killed five and wounded 110 on Monday.") == [
        ("five", 5, 5, "exact", "killed"),
        ("110", 110, 110, "exact", "wounded"),
    ]


def test_a_listed_count_with_a_state_of_its_own_is_not_the_lists():
    assert claims_of(
        "One gang member was killed, and a police officer is in critical condition."
    ) == [("One", 1, 1, "exact", "killed"), ("a police officer", 1, 1, "none", "wounded")]
    assert claims_of("Five of them were killed as well as six men who were defending it.") == [
        ("Five", 5, 5, "exact", "killed"), ("six", 6, 6, "exact", "killed")
    ]  # fmt: skip


def test_a_count_told_as_one_more_adds():
    assert tolls_of(
        "In the gunfight three residents of the town were killed, as was one of the attackers.",
        "Two soldiers were killed, as were three civilians.",
        "Two soldiers were killed, as was reported by the army.",
    ) == [(4, 0), (5, 0), (2, 0)]


def test_one_person_each_in_clauses_of_their_own_adds():
    assert tolls_of(
        "Police intervened - 1 10yr old boy killed by police crossfire - 1 innocent bystander "
        "killed by police as he tried to flee",
        "One attacker was shot and killed, while a police officer was found dead.",
        "A man was shot dead, and the victim was identified as a farmer.",  # the same man
    ) == [(2, 0), (2, 0), (1, 0)]


def test_a_participle_joined_to_the_harm_does_not_hide_it():
    assert tolls_of(
        "A worker was driving when he was targetted and killed by unknown assailants.",
        "The man was beaten and killed by a mob.",
        "A woman is attacked and injured in an attack over land.",
        "He was shot in the head and killed.",
        "Two men were shot in the chest and killed.",
    ) == [(1, 0), (1, 0), (0, 1), (1, 0), (2, 0)]


def test_a_person_listed_before_another_is_harmed_too():
    assert tolls_of(
        "The driver and his assistant died later in the hospital.",
        "A 7 year old boy, a pregnant woman, and a demonstrator were killed by police bullets.",
        "Rahim, an Afghan Border Police officer, and his daughter were killed.",  # one person
        # every count of a list waits for the verb after it, however many there are
        "Four guards, one soldier, one civilian worker, and one French instructor were killed.",
        "Three pilots, two army doctors, one nurse from the camp, and one clerk were wounded.",
    ) == [(2, 0), (3, 0), (2, 0), (7, 0), (0, 7)]


def test_a_count_in_brackets_refines_the_figure_before_it():
    assert tolls_of(
        "On 30 April, 5 civilians (2 men, 2 women, and 1 child) were killed by a roadside bomb.",
        "At least 20 (some reports 30) have been killed in ethnic clashes.",
        "At least 4 people (including 1 journalist) as well as 2 policemen were killed.",
        "2 fighters (who were accused of killing 5 people) were shot dead by police.",
        "(7 residents killed + 1 officer in convoy - coded separately).",
    ) == [(5, 0), (20, 0), (6, 0), (2, 0), (8, 0)]


def test_an_aside_in_brackets_does_not_end_the_victims_words():
    text = "31 militants killed. Thirty one Islamic State (IS) group militants have been killed."
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    assert extract_claims(arts, dates=False)["victims"].to_list() == [
        "militants", "Islamic State (IS) group militants"
    ]  # fmt: skip
    assert tolls_of(text.replace(". Thirty", " Thirty")) == [(31, 0)]  # a headline run on


def test_so_far_passes_over_to_the_predicate():
    assert claims_of("Over 750 people mostly women and children have so far been killed.") == [
        ("Over 750", 751, None, "more_than", "killed")
    ]


@pytest.mark.parametrize(
    ("text", "outcomes"),
    [
        ("Shells hit the town killing 8 persons injuring more than 55 people.",
         [("8", "killed"), ("more than 55", "wounded")]),
        ("Daesh kidnapped 900 executed 18 people in Aleppo.",
         [("900", "kidnapped"), ("18", "killed")]),
    ],
)  # fmt: skip
def test_a_verbs_object_is_not_the_subject_of_the_harm_of_a_count_after_it(text, outcomes):
    """Text that lost its commas ("killing 8, injuring 55"): each count is its verb's object."""
    assert [(quantity, outcome) for quantity, *_, outcome in claims_of(text)] == outcomes


def test_counts_of_things_other_than_people_are_left_out():
    assert claims_of(
        "IS captured several areas and destroyed two vehicles, killing 12 soldiers."
    ) == [("12", 12, 12, "exact", "killed")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("There had been 461 severe cases and 80 deaths.", [("80", "killed")]),
        ("They reported 523 new infections and 12 new deaths.", [("12", "killed")]),
        ("Relief reached two besieged villages.", []),
        ("The mayor died of COVID-19, the government said.", []),
        # an adjective before a noun of things, not a word of the clause or a possessive
        ("Air strikes killed dozens in areas held by rebels.", [("dozens", "killed")]),
        ("The shells destroyed three civilians' homes and killed two.", [("two", "killed")]),
        ("SANA-One civilian was killed.", [("One", "killed")]),  # a dateline, not a name
        ("There were only four premature deaths per 100,000.", []),  # a rate
        ("The player, world ranking number 27, was arrested.", []),
        ("Justice Ruth Bader Ginsburg died after a long battle with cancer.", []),
        ("Hagan died from Powassan virus, his spokeswoman said.", []),
        ("Mathematician John Horton Conway died on Saturday at his New Jersey home.", []),
        ("Yesterday, former Representative John Conyers died in his sleep.", []),
        ("A man who supplied the gun to De Zoysa was arrested.", []),  # not De Zoysa
        ("The strike killed Iranian general Qasem Soleimani.", []),  # not "Iranian"
        ("Five civilians were left killed SANA reported.", [("Five", "killed")]),  # not SANA
        ("Twenty others were wounded Al-Manar TV correspondent reported.", [("Twenty", "wounded")]),
    ],
)
def test_counts_of_cases_places_and_names_are_not_of_people(text, found):
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    assert extract_claims(arts, dates=False).select("quantity", "outcome").rows() == found


def test_a_range_written_with_a_dash_and_a_person_after_a_year():
    assert claims_of("The blast killed 20-25 people.") == [("20-25", 20, 25, "range", "killed")]
    assert claims_of("In 2016 a child was killed.") == [("a child", 1, 1, "none", "killed")]
    assert claims_of("Eight Mexicans died.") == [("Eight", 8, 8, "exact", "killed")]  # a count


def test_thousands_set_apart_by_spaces_and_numbers_that_are_no_counts():
    # a text that lost its commas writes "1 000"; "0900" is a time zone, not a count
    assert claims_of("Over 1 000 civilians were killed.") == [
        ("Over 1 000", 1001, None, "more_than", "killed")
    ]
    found = claims_of("He was found dead, police reported Friday morning, local time (UTC+0900).")
    assert [quantity for quantity, *_ in found] == ["He"]
    page = "16.04.2017Get short URL 0 612 Two civilians were killed in the shelling."
    assert [quantity for quantity, *_ in claims_of(page)] == ["Two"]  # not the page's counters
    road = "A man was killed in a crash on Interstate 75 and 2 died on State Road 60."
    assert [quantity for quantity, *_ in claims_of(road)] == ["A man", "2"]  # roads' numbers
    block = "In this town of 5,000, a man was shot dead in the 1200 block of Oak Street."
    assert [quantity for quantity, *_ in claims_of(block)] == ["a man"]  # a town, an address
    law = "Lawmakers killed House Bill 1234; voters killed Proposition 47 and Measure 110."
    assert [q for q, _, _, _, outcome in claims_of(law) if q[0].isdigit()] == []  # laws' numbers
    mile = "The crash happened on Highway 60 near mile 145, killing a passenger."
    assert [quantity for quantity, *_ in claims_of(mile)] == ["a passenger"]
    shots = "Smith shot 12 of 18 from the field. The gunman shot 3 of the 5 hostages dead."
    assert [quantity for quantity, *_ in claims_of(shots)] == ["3"]  # a player's shots made
    assert claims_of("Officers answered 911 calls reporting that 2 people had been shot dead.") == [
        ("2", 2, 2, "exact", "killed")
    ]  # an emergency number, not a count
    stations = "According to NBC 4, a man was killed; Channel 4 News said two people died."
    assert [quantity for quantity, *_ in claims_of(stations)] == ["a man", "two"]
    school = "A form four student was killed, and a Grade 5 pupil was shot dead."
    assert [quantity for quantity, *_ in claims_of(school)] == [
        "A form four student",
        "a Grade 5 pupil",
    ]  # school years, not counts
    assert claims_of("Among the dead were three children the Observatory said.") == [
        ("three", 3, 3, "exact", "killed")
    ]


def test_qualifiers_and_vague_words_keep_their_words():
    assert claims_of("At least 39 people died and dozens of others were injured.") == [
        ("At least 39", 39, None, "at_least", "killed"),
        ("dozens of", 24, None, "vague", "wounded"),
    ]
    # a qualifier is whole words: "Moreover 4" is four, not "over 4"
    assert claims_of("Moreover 4 civilians were killed.") == [("4", 4, 4, "exact", "killed")]


# The sample article's nine claims as annotated in claims-dev.jsonl (figures and sources).
SAMPLE_GOLD = [
    ("scores of", 40, None, "killed", "activists and state media"),
    ("hundreds", 200, None, "captured", "activists and state media"),
    ("300", 300, 300, "killed", "Syria’s government"),
    ("some 200,000", 200000, 200000, "besieged", "Abdurrahman"),
    ("dozens of", 24, None, "killed_or_wounded", "Abdurrahman"),
    ("Brig. Gen. Samer Amin Ali", 1, 1, "killed", "The Observatory and Deir Ezzor 24"),
    ("42", 42, 42, "killed", "Abdurrahman"),
    ("two", 2, 2, "killed", "Abdurrahman"),
    ("10", 10, 10, "killed", "Abdurrahman"),
]


def test_every_sample_claim_is_found_with_its_figures_and_source():
    claims = extract_claims(load_sample())
    text = load_sample()["text"][0]
    for start, end, quantity in claims.select("start", "end", "quantity").iter_rows():
        assert text[start:end] == quantity
    found = claims.select("quantity", "low", "high", "outcome", "attributed_to").rows()
    assert found == SAMPLE_GOLD


def test_sample_claims_carry_victims_places_dates_and_relations():
    claims = extract_claims(load_sample())
    by_quantity = {row["quantity"]: row for row in claims.iter_rows(named=True)}
    assert by_quantity["scores of"]["victims"] == "troops and civilians"
    assert by_quantity["scores of"]["where"] == "Deir el-Zour"
    assert by_quantity["scores of"]["when"] == "2016-W02-WE"
    assert by_quantity["300"]["perpetrator"] == "IS"
    # "said Sunday that IS killed 300 people ... over the weekend": the event, not the statement
    assert by_quantity["300"]["when"] == "2016-W02-WE"
    assert by_quantity["42"]["when"] == "2016-01-16"
    assert [by_quantity[q]["relation"] for q in ("42", "two", "10")] == [None, "subset", "subset"]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("The strike killed 31 civilians Friday.", "civilians"),  # not "civilians Friday"
        ("The blast killed 11 children state media reported.", "children"),
        ("Shelling killed 112 people the Syrian Observatory said.", "people"),
        ("Clashes killed 25 soldiers and allied militia.", "soldiers and allied militia"),
        ("The raid killed 80 militants and destroying their vehicles.", "militants"),
        ("A strike killed five members of the same family.", "members of the same family"),
        ("Shelling killed hundreds of the militants.", "the militants"),
        ("The attack killed two police officers in Kabul.", "police officers"),
        ("Shelling killed more than 120 mostly women and children.", "women and children"),
        ("Fighting killed 18 jihadist fighters and leaders most of them foreign.",
         "jihadist fighters and leaders"),
        ("The bombing injured scores a monitor said.", None),
        ("An explosion wounded 25 others some critically.", "others"),
        ("Fighting killed 48 alleged rebels.", "alleged rebels"),
    ],
)  # fmt: skip
def test_the_victims_are_the_words_naming_who_was_counted(text, victims):
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    assert extract_claims(arts, dates=False)["victims"].to_list() == [victims]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("The Observatory reported that troops had executed 48 people.", "troops"),
        ("The Takfiri ISIL group has executed at least 24 civilians.", "Takfiri ISIL group"),
        ("A missile fired by Syrian forces killed at least 18 civilians.", "Syrian forces"),
        ("Published July 5 2016 A motorcycle bomber killed 16 civilians.", "motorcycle bomber"),
        ("Two car bombs killed at least 25 people.", "Two car bombs"),
        ("Syria's government said Sunday that IS killed 300 people.", "IS"),
        ("Thirteen civilians were killed in raids by Syria's government Wednesday.",
         "Syria's government"),
        ("18 November 2016 6 citizens killed 22 injured in attacks.", None),  # the victims
        ("Raids around the northern city of Aleppo killed 31 civilians.", None),
        ("They would also kill 20 hostages.", None),
    ],
)  # fmt: skip
def test_the_perpetrator_is_the_subject_or_agent_of_the_harm(text, perpetrator):
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    found = extract_claims(arts, dates=False)
    assert found["perpetrator"].to_list()[:1] == [perpetrator]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Syria Monitor AFP Tuesday 21 Jul 2015 Shelling killed 18 in Aleppo.", "Aleppo"),
        ("A blast in Aleppo Monitor AFP Tuesday killed 18 people.", "Aleppo"),
        ("Ten civilians were killed in Syrian shelling in Homs.", "Homs"),
        ("Three were killed in IS attacks in Kobani.", "Kobani"),
        ("At Least 12 Killed in Idleb Blast.", "Idleb"),
        ("Two people were killed in New York.", "New York"),
        ("Two were killed in IS-held Raqqa.", "Raqqa"),
    ],
)
def test_the_place_is_the_first_named_one_without_a_datelines_run_on(text, where):
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    assert extract_claims(arts, dates=False)["where"].to_list()[:1] == [where]


def tolls_of(*texts: str) -> list[tuple]:
    articles = pl.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": list(texts)})
    return casualty_tolls(articles).select("killed", "wounded").rows()


def test_a_count_among_a_larger_one_is_its_subset():
    arts = pl.DataFrame({"doc_id": ["a"], "text": ["Six children were among 19 civilians killed."]})
    claims = extract_claims(arts, dates=False)
    assert claims.select("quantity", "relation").rows() == [("Six", "subset"), ("19", None)]


def test_a_figure_in_numbers_stands_over_vague_words_told_before_or_after_it():
    assert tolls_of("Twin car bombs kill 32. The bombings have taken the lives of scores.") == [
        (32, 0)
    ]
    assert tolls_of("Dozens were killed in the raid. At least 20 people died, medics said.") == [
        (20, 0)
    ]
    assert tolls_of("Shelling killed dozens of people.") == [(24, 0)]  # vague alone stands


def test_one_person_named_is_no_figure_that_vague_words_yield_to():
    assert tolls_of(
        "A witness named Ahmad who was wounded in the blast spoke. Dozens of people were wounded.",
        "Dozens of people were wounded. Ahmad was wounded in the head.",
        # but a figure disputed after one named does not raise the toll
        "A woman was killed. Officials dismissed reports that 14 people were shot dead.",
    ) == [(0, 24), (0, 24), (1, 0)]


def test_the_lives_claimed_are_killed_and_damage_in_addition_adds_no_one():
    text = (
        "Rockets hit the city, killing two people. The attacks claimed the lives of two persons "
        "and injured three others in addition to causing material damage."
    )
    assert tolls_of(text) == [(2, 3)]


def test_people_also_among_the_dead_are_part_of_the_toll():
    text = "Airstrikes killed at least seven people. A woman and a child were also among the dead."
    assert tolls_of(text) == [(7, 0)]


def test_tolls_add_listed_groups_and_leave_subsets_out():
    assert tolls_of(
        "A car bomb killed two soldiers and three civilians and wounded 20 people, "
        "including four children.",
        # a harm of its own ends the part: the wounded are no part of the dead
        "The blaze killed three, including a 92-year-old woman, and injured sixteen, including "
        "a baby. Two firefighters were also hurt.",
    ) == [(5, 20), (3, 18)]


def test_tolls_take_updates_and_restatements_once():
    assert tolls_of(
        "Twelve people were killed in the blast. Police said 12 people died. "
        "The toll later rose to 15.",
        "Ten people are killed, seven from the same family, in an airstrike.",
        "Blast kills 20 rebels AFP Thursday At least 20 rebels were killed in a blast.",
        "Daesh said 24 Daesh fighters were killed. A total of 24 Daesh fighters were killed in "
        "separate operations.",  # a total, not a separate incident's
    ) == [(15, 0), (10, 0), (20, 0), (24, 0)]


def test_tolls_add_separate_incidents_and_drop_a_wars_background_toll():
    assert tolls_of(
        "A bomb killed five people in Kabul. In a separate attack, three soldiers were killed. "
        "More than 150,000 people have been killed since the conflict began.",
    ) == [(8, 0)]
    # after a semicolon, another place is another group of victims; the same place is not
    quake = "An earthquake killed 11 people in Ecuador; in neighbouring {}, one child died."
    assert tolls_of(quake.format("Peru")) == [(12, 0)]
    assert tolls_of(quake.format("Ecuador")) == [(11, 0)]


def test_articles_without_claims_get_a_zero_and_old_values_are_not_claims():
    assert tolls_of("The minister visited the region.") == [(0, 0)]
    assert claims_of("The toll rose from 14 to 31.") == [("31", 31, 31, "exact", "killed")]
    assert claims_of("A man and a woman were arrested.") == [
        ("A", 1, 1, "exact", "arrested"),
        ("a", 1, 1, "exact", "arrested"),
    ]


def test_a_count_is_linked_through_a_noun_of_harm_a_place_or_among_the_dead():
    assert claims_of("They caused the deaths of hundreds of American service members.") == [
        ("hundreds of", 200, None, "vague", "killed")
    ]
    assert claims_of("337 suspected users in 38 countries were arrested.") == [
        ("337", 337, 337, "exact", "arrested")
    ]
    assert claims_of("One child was, according to the fire service, among the dead.") == [
        ("One", 1, 1, "exact", "killed")
    ]
    assert claims_of("Khan stabbed several people at the hall.") == [
        ("several", 2, None, "vague", "killed_or_wounded")
    ]
    assert claims_of("Two others are wounded and one man is stabbed to death.") == [
        ("Two", 2, 2, "exact", "wounded"),
        ("one", 1, 1, "exact", "killed"),
    ]
    assert claims_of("A plane crashes, killing three and injuring the other seven on board.") == [
        ("three", 3, 3, "exact", "killed"),
        ("seven", 7, 7, "exact", "wounded"),
    ]


def test_superlatives_and_deaths_from_illness_are_not_claims():
    assert claims_of("Russia has one of the highest death tolls from road accidents.") == []
    assert claims_of("Mendez died of Parkinson's disease.") == []


def test_the_headlines_of_a_box_of_other_stories_are_no_claims_of_the_article():
    # a page scraped as plain text, its "Related News" box kept after the article
    boxed = ("Gunmen killed 3 villagers in Idlib. Source AA Related News Syrian regime attacks "
             "kill 16 civilians in Idlib Agencies warn an offensive could uproot 700000 Syrians "
             "Activists fear for their lives")  # fmt: skip
    told = "He read related news about the attack in which 5 people were killed."
    # a Sputnik page: the comments' counter, then a bare "Related" and other headlines
    counted = ("An airstrike killed 4 civilians. ... 91 Related US-Led Strikes Kill 300 Civilians "
               "Over 900 Killed in Raqqa")  # fmt: skip
    articles = pl.DataFrame({"doc_id": ["boxed", "told", "counted"],
                             "text": [boxed, told, counted]})  # fmt: skip
    found = extract_claims(articles, dates=False)
    assert found.select("doc_id", "quantity").rows() == [
        ("boxed", "3"), ("told", "5"), ("counted", "4"),
    ]  # fmt: skip
    assert casualty_tolls(found, articles=articles)["killed"].to_list() == [3, 5, 4]


def test_single_people_count_one():
    assert claims_of("He was killed in the attack. Police arrested the accused.") == [
        ("He", 1, 1, "none", "killed"),
        ("the accused", 1, 1, "none", "arrested"),
    ]


@pytest.mark.shared_data
def test_claim_scores_on_the_gold_file_do_not_regress(shared):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from evaluate_claims import evaluate

    result, tolls, _, _ = evaluate(
        str(shared / "gold" / "claims-dev.jsonl"), str(shared / "corpora" / "wikinews")
    )
    # Measured: P 0.963, R 0.779, F1 0.861, attribution 0.858, killed tolls exact 0.870 (the
    # bars are F1 0.85 and attribution 0.80).
    assert result["precision"] >= 0.93
    assert result["f1"] >= 0.85
    assert result["attribution"] >= 0.80
    assert tolls["killed"]["exact"] >= 0.84


def test_event_reports_give_their_tolls():
    assert tolls_of(
        "Clashes in East Jerusalem with 13 Palestinians and four Israeli police injured.",
        "Authorities seek three suspects who killed a police officer.",
        "The toll of homes destroyed by wildfires reaches 1,600.",
        "Triple explosions kill at least 80 people and injure 150 in Maiduguri.",
        "The death toll from the stampede near Mecca rises to 769, with 934 injuries.",
        "At least 20 Syrian rebels and 27 ISIS fighters are killed in a battle in Mare.",
        "Shells fired across the border kill at least three people and wound 28 others.",
        "Nine people died and at least 714 people in 46 states fell ill.",
        "The death toll from yesterday's flash floods in the American towns of Hildale, Utah, "
        "and Colorado City, Arizona, rises to 12 with one person still missing.",
    ) == [(0, 17), (1, 0), (0, 0), (80, 150), (769, 934), (47, 0), (3, 28), (9, 0), (12, 0)]


def test_a_wars_toll_is_background_not_the_incidents():
    assert tolls_of(
        "An airstrike killed 12 civilians in Idlib on Monday. Syria's conflict has killed more "
        "than 230,000 people according to the UN.",
        "Five people died in the blast. More than 280,000 people have been killed and millions "
        "displaced since the war began in 2011.",
    ) == [(12, 0), (5, 0)]


@pytest.mark.parametrize(
    "text",
    [
        "The war broke out in 2011 and has since claimed the lives of almost 200000 people.",
        "The group said 12679 people died of torture from March 2011 to June 2016.",
        "And 313 people died in areas under army siege in the past year.",
        "The army repelled 7 attacks in the last 10 days killing over 2200 militants.",
        "Airstrikes have killed dozens of civilians over the past several weeks.",
        "Rescuers say more than 450 people were killed there in the last month.",
        "He said the warplanes have killed thousands of children and women.",  # a vague tally
    ],
)
def test_a_toll_since_or_between_years_is_background(text):
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    assert extract_claims(arts, dates=False)["relation"].to_list() == ["background"]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Last year, 61 people were killed in the city.", "earlier"),
        ("Heat killed 12 people in the county last summer.", "earlier"),  # a season before
        ("Mourners remembered the 17 students killed in the shooting one year ago.", "earlier"),
        ("The memorial honors the 49 people killed at the nightclub six years ago.", "earlier"),
        ("Monday is the 20th anniversary of the crash that killed 14 people.", "earlier"),
        ("On the anniversary of the massacre, gunmen killed 3 more villagers.", None),
        ("Its men killed 13 insurgents in an ambush a year ago.", "earlier"),
        ("IS has killed hundreds of people since it declared a caliphate in June last year.",
         "background"),  # a period up to now
        ("So far this summer, 25 people have died of heat in Maricopa County.", "background"),
        ("The flu has killed 80 children nationwide this season.", "background"),
        ("A commander wanted in last year's massacre case has been killed.", None),
        ("Two factions clashed, two months after their feud left a student dead.", "earlier"),
        ("The airstrikes came after the Islamic State killed 10 soldiers.", "earlier"),
        ("It was the deadliest shooting since 2017, when a gunman killed 58 people.", "earlier"),
        ("The deadliest attack since March killed 58 people.", None),  # this attack's toll
    ],
)  # fmt: skip
def test_a_toll_of_a_year_before_is_an_earlier_events(text, relation):
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    assert extract_claims(arts, dates=False)["relation"].to_list() == [relation]


def test_every_count_of_a_list_that_recalls_an_earlier_event_is_earlier():
    text = (
        "A bomb killed 12 people on Monday. It was the deadliest attack since an assault in "
        "Ghazni in August 2018, with officials reporting at the time 150 security forces, 95 "
        "civilians, and hundreds of Taliban killed."  # the last far from "deadliest ... since"
    )
    claims = claims_in(text)
    assert claims["relation"].to_list() == [None, "earlier", "earlier", "earlier"]
    assert tolls_of(text) == [(12, 0)]


def test_thousands_told_over_a_war_or_a_long_period_are_background():
    assert tolls_of(
        "Strikes killed 25 civilians in Hama. The observatory said more than 3000 people have "
        "been killed during the past month.",
        "A blast killed 44 people. The war has cost the lives of more than 200000 people.",
        "Estimates of the toll vary from 10000 to more than 30000 out of a population of 350000.",
        "A man was shot dead. Fires killed 3,400 people nationwide, the association said.",
        "He has died. During these early years, massacres saw thousands of Ndebele killed.",
    ) == [(25, 0), (44, 0), (30000, 0), (1, 0), (1, 0)]  # "more than 30000" stands for 30000
    assert claims_of("An earthquake killed 2,000 people in the region.") == [
        ("2,000", 2000, 2000, "exact", "killed")
    ]


def test_a_breakdown_after_a_clause_and_a_negated_outcome_do_not_add():
    assert tolls_of(
        "As of Tuesday, 20 bodies had been recovered, eleven women and nine men.",
        "Two soldiers, three civilians and a police officer were killed.",
        "Four teenagers were wounded. All four are stable, and no fatalities have emerged.",
    ) == [(20, 0), (6, 0), (0, 4)]


def test_no_death_toll_yet_and_no_visible_injuries_are_no_figure_of_none():
    assert claims_of("There were no deaths, but no injuries were recorded.") == [
        ("no", 0, 0, "exact", "killed"), ("no", 0, 0, "exact", "wounded"),
    ]  # fmt: skip
    assert claims_of("There was no immediate death toll in the renewed bombing.") == []
    assert claims_of("The bodies were pale but with no visible injuries.") == []


def test_another_hurt_adds_no_one_to_the_dead_told_again():
    killed = tolls_of(
        "Three guards were killed and another injured in a blast in Tirah. The guards were on "
        "patrol in Naray Baba. Three were killed on the spot and another was critically injured.",
        "Two soldiers were killed in Kabul. In Kandahar another soldier was killed.",
        "A bomb killed 12 people. The governor said it had killed twelve and injured twelve more.",
    )
    assert [dead for dead, _ in killed] == [3, 3, 12]


def test_a_ledes_latest_toll_stands_over_the_story_of_how_it_rose():
    assert tolls_of(
        "A total of 39 are confirmed dead, officials said. Rescue work resumed on Wednesday, "
        "increasing the confirmed death toll from fourteen to 31.",
        "At least 112 people were killed. The toll later rose to 126.",
    ) == [(39, 0), (126, 0)]


def test_event_descriptions_in_the_present_tense_give_their_tolls():
    assert tolls_of(
        "Two police officers and a civilian are killed in an attack in Sinai.",
        "The number of deaths from the heat wave in Karachi rises to 1,200.",
        "An avalanche kills 11 climbers on Mount Everest.",
        "Four soldiers are killed when militants attack a base; three attackers are also killed.",
        "Some 400 migrants are feared drowned in the Mediterranean.",
        "Police kill a gunman who took hostages at a cafe; two hostages also die.",
        "Six people drown when a boat capsizes off Lesbos.",
        "Israeli forces shoot dead a Palestinian who allegedly tried to stab a soldier.",
    ) == [(3, 0), (1200, 0), (11, 0), (7, 0), (400, 0), (3, 0), (6, 0), (1, 0)]


def test_a_periods_toll_counts_when_the_article_tells_no_other_but_a_wars_never_does():
    assert tolls_of(
        "A cholera epidemic in Yemen has killed more than 2,000 people since April.",
        "The minister met his counterpart. The war has killed more than 400,000 people since 2011.",
    ) == [(2000, 0), (0, 0)]


def test_an_areas_tally_over_a_period_is_background_and_no_toll_beside_an_incidents():
    assert tolls_of(
        "A man was shot in Englewood Saturday. He was among 35 people shot across the city over "
        "the weekend.",
        "Two men were wounded on Main Street. Nearly 500 people were shot over the Fourth of July "
        "weekend across the country.",
        "A man was shot dead Saturday. Across Chicago, 35 people were shot over the weekend.",
        "Across the city, 35 people were shot over the weekend.",  # alone: the period's toll
        "Four people were shot Sunday night in Englewood.",
    ) == [(0, 1), (0, 2), (1, 0), (0, 35), (0, 4)]


def test_bad_frames_get_a_clear_error_and_integer_ids_or_empty_texts_work():
    with pytest.raises(ValueError, match="doc_id and text"):
        extract_claims(pl.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="claims frame"):
        casualty_tolls(pl.DataFrame({"y": [1]}))
    assert extract_claims(pl.DataFrame({"doc_id": ["a"], "text": [None]})).height == 0
    articles = pl.DataFrame({"doc_id": [1, 2], "text": ["Five people were killed.", "Calm."]})
    assert casualty_tolls(articles).select("doc_id", "killed").rows() == [("1", 5), ("2", 0)]


def test_ranges_objects_of_killing_and_a_further_person_in_its_own_clause():
    assert claims_of("Between 30 and 40 people are feared dead after a boat sinks.") == [
        ("Between 30 and 40", 30, 40, "range", "killed")
    ]
    assert claims_of("The toll rose from 14 to 31.") == [("31", 31, 31, "exact", "killed")]
    assert claims_of("A man and a woman were arrested.") == [
        ("A", 1, 1, "exact", "arrested"),
        ("a", 1, 1, "exact", "arrested"),
    ]
    assert tolls_of(
        "A suicide bomber targets a funeral, killing 15 mourners and wounding dozens more.",
        "A gas leak at a factory kills 11 people and sickens hundreds.",
        "Two people are killed when a gunman opens fire at a bar; the gunman later dies.",
    ) == [(15, 24), (11, 0), (3, 0)]


def test_a_count_arrested_after_a_count_killed_is_arrested_not_killed():
    assert claims_of("Police fought off the gunmen, killing one and arresting two others.") == [
        ("one", 1, 1, "exact", "killed"),
        ("two", 2, 2, "exact", "arrested"),
    ]
    assert claims_of("Two arresting officers were injured.") == [("Two", 2, 2, "exact", "wounded")]
    assert claims_of("A search for 16 missing persons resumed.") == [
        ("16", 16, 16, "exact", "missing")
    ]


def test_a_person_reported_to_have_died_and_none_hurt():
    assert claims_of("The mayor was later reported to have died.") == [
        ("The mayor", 1, 1, "none", "killed")
    ]
    assert claims_of("None was injured in the blast.") == [("None", 0, 0, "exact", "wounded")]


def test_the_one_named_after_an_employer_and_a_role_is_the_name():
    assert claims_of("A blast killed Abu Dhabi TV photojournalist Ziad al-Sharabi.") == [
        ("Ziad al-Sharabi", 1, 1, "none", "killed")
    ]
    assert claims_of("Police injured SI Masud Jamali and constable Bacchu Miah.")[0][0] == (
        "SI Masud Jamali"  # "and constable ..." is the next person, not this one's name
    )


def test_a_person_listed_with_a_count_and_a_killers_own_death_add():
    assert tolls_of(
        "An airstrike on a house in Rafah killed a woman and her four children.",
        "Five children and their teacher die when a school roof collapses in Kenya.",
        "A man kills his wife and three children before turning the gun on himself.",
        "Twin blasts near Damascus claim 4 martyrs and 13 injured.",
        "Police say a man killed his wife and two children before taking his own life.",
        "He took himself to hospital after he was shot.",  # wounded, not his own death
    ) == [(5, 0), (6, 0), (5, 0), (4, 13), (4, 0), (0, 1)]
    assert tolls_of(
        "The pilot and two passengers were killed when the plane crashed.",
        "The local police chief and two others were also injured.",
        "The shell hit a classroom, killing seven students and injuring a teacher and 19 others.",
        "Fighting killed 30 regime and allied fighters as well as 50 rebels.",
        "A roadside bomb killed the district governor and his driver in Helmand province.",
        "An Afghan interpreter and his two sons were killed in a Taliban ambush.",
        "Russian shelling killed a family of four in Kherson on Tuesday, officials said.",
        "The attack claimed 14 victims, among them a police officer.",
        "Unidentified gunmen murdered a priest and a nun in Burkina Faso.",
        "Two of the four crew members died when the fishing boat sank.",
        "A plane crash in the Alps killed all 150 on board.",
    ) == [
        (3, 0),
        (0, 3),
        (7, 20),
        (80, 0),
        (2, 0),
        (3, 0),
        (4, 0),
        (14, 0),
        (2, 0),
        (2, 0),
        (150, 0),
    ]
    assert claims_of("Gunmen killed her in her home.") == [("her", 1, 1, "none", "killed")]
    assert claims_of("A gunman killed her parents at their home.") == []  # "her" is possessive


def test_a_period_in_a_later_clause_does_not_make_a_count_background():
    assert tolls_of(
        "Fighting in Marawi left 13 marines dead, the military said, bringing the number of "
        "troops killed since May to 58.",
        "Shelling killed two civilians in the city that has been divided since July 2012.",
    ) == [(13, 0), (2, 0)]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Typhoon Phanfone killed at least 20 people. It hit the regions Typhoon Haiyan, which "
            "killed over 6,000 people in 2013, devastated.",
            20,
        ),
        ("Puerto Rico has not recovered from 2017's Hurricane Maria, which claimed 3000 lives.", 0),
        ("In 2018, 750 people died on the roads, the ministry said.", 0),  # a year's statistics
        ("In late 2016 and early 2017, nine people died of the tainted food.", 0),  # two years
        ("Two men were charged in the Dec. 21, 1988, bombing that killed 259 people.", 0),
        ("In September a raid left 30 dead. Gunmen killed two on Sunday.", 2),  # a month
        ("In late December two people were killed in a raid, officials said.", 2),  # not yet
        ("A man who was wounded in a shooting in September has died, police said.", 1),
        ("The victim, who was shot in October, died Tuesday at the hospital.", 1),  # since
        ("A crash killed seven. Roads are deadly; 2018 saw 750 deaths and 7,999 injuries.", 7),
        ("Gunmen killed two aspirants in the 2017 General Election on Monday.", 2),
        ("Two soldiers were killed on December 30, 2018, the army said on Monday.", 2),
        ("A blast killed 3. August 21 2013 The US accuses the regime of killing 1400 people.", 3),
        ("January 7 2019 Two soldiers were killed in an ambush, the army said.", 2),  # a dateline
        ("The 1918 flu pandemic killed 50 million people worldwide.", 0),  # a period's, over
        ("The museum honors the 2,977 people killed on Sept. 11, 2001.", 0),  # an abbreviation
        ("Crowds remembered the 1889 Johnstown Flood, which killed more than 2,200 people.", 0),
        # a vehicle's model year is no date
        ("A 2015 Honda Civic crossed the center line, killing the driver, 54.", 1),
        # "that attack" after a sentence that dates it to an earlier year
        ("A blast killed 3. Gas was used in Ghouta in 2013. The US says that attack killed 99.", 3),
        ("A blast killed 3 in 2019. The US says that attack was the worst since 2013.", 3),
        ("Gas was used in Ghouta on Sunday. The US says that attack killed 14.", 14),
        # a chronology printed again without its dates tells the same events
        (
            "A blast killed 3. August 21 2013 The US accuses the regime of killing 1400 people. "
            "The regime denies it. The US accuses the regime of killing 1400 people.",
            3,
        ),
    ],
)
def test_an_earlier_years_event_recalled_is_not_the_articles_toll(text, killed):
    articles = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(2019, 1, 7)]})
    assert casualty_tolls(articles)["killed"].to_list() == [killed]


@pytest.mark.parametrize(
    ("text", "published", "killed"),
    [
        ("Six million Jews were murdered in the Holocaust. A museum opened on Sunday.", 2019, 0),
        ("The 9/11 attacks killed nearly 3,000 people. A man was shot dead on Monday.", 2019, 1),
        ("About 2,400 Americans were killed in the attack on Pearl Harbor.", 2019, 0),
        ("The Spanish flu killed an estimated 50 million people worldwide.", 2020, 0),
        # compared with, not recalled: the toll is the event reported
        ("A gunman killed 50 people, the deadliest attack since 9/11.", 2019, 50),
        ("Two sailors were shot dead at Pearl Harbor naval shipyard.", 2019, 2),  # a place
        ("Flight MH17 was shot down, killing all 298 people on board.", 2014, 298),  # its year
        ("A flood killed 9 people on 9/11/2019.", 2019, 9),  # a date
        # a veteran's battle, and the age he reached: no toll of the story
        (
            "A veteran who survived the Battle of the Bulge, where 19,000 Americans were killed, "
            "turned 100.",
            2024,
            0,
        ),
    ],
)
def test_a_past_event_named_without_its_year_is_not_the_articles_toll(text, published, killed):
    articles = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(published, 6, 1)]})
    assert casualty_tolls(articles)["killed"].to_list() == [killed]


def test_a_toll_in_a_chronologys_part_for_an_earlier_year_is_not_the_articles_toll():
    text = (
        "Tanks shelled Hama on Monday, killing four civilians. Here are some details about the "
        "city: * 1982: - Forces razed the old quarters of Hama. - Estimates of the death toll "
        "vary from 10000 to more than 30000."
    )
    articles = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(2019, 8, 1)]})
    claims = extract_claims(articles)
    assert claims.select("quantity", "relation", "when").rows() == [
        ("four", None, "2019-07-29"), ("more than 30000", "earlier", "1982"),
    ]  # fmt: skip
    assert casualty_tolls(claims, articles=articles)["killed"].to_list() == [4]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police shot dead a man suspected of killing three people.", 1),
        ("Residents lynched a man suspected to be behind the killing of two children.", 1),
        ("The victim was suspected of killing two police officers last month.", 0),
        ("Militants were behind the killing of five soldiers on Monday.", 5),  # who did it
        ("Police arrest 20 men in connection with an attack on a bus which killed four people.", 0),
        ("A court heard two men charged over a raid that killed six people.", 0),
        ("The army was accused of an airstrike that killed 20 civilians.", 20),  # blame, no trial
        ("He was convicted Tuesday of killing 3 people during a robbery.", 0),  # a day between
        ("The jury deliberated before convicting him of killing 2 people.", 0),  # his object
        ("He was found guilty of killing 3 people.", 0),
        ("The jury found him guilty in the deaths of four people.", 0),
        ("A jury convicts Harold Henthorn of murder in the death of his wife Toni Henthorn.", 0),
        ("A jury found Smith guilty of murder in the death of Jane Doe.", 0),
        ("Police charged him with murder in the death of Jane Doe, found shot Sunday.", 1),
        (
            "The trial of the man charged in the supermarket massacre that killed 10 people began.",
            0,
        ),
    ],
)
def test_a_killing_someone_is_accused_of_is_not_the_events_toll(text, killed):
    assert casualty_tolls(pl.DataFrame({"doc_id": ["a"], "text": [text]}))["killed"].to_list() == [
        killed
    ]


def test_two_people_named_along_with_each_other_or_as_both_count_two():
    assert tolls_of(
        "ASWJ leader Dr Mohammad Fayyaz along with his driver were shot dead by two gunmen.",
        "A trader along with his son was killed.",
        "A man with a gun was shot dead by police.",
        "Both men (who were relatives) were killed in the attack.",
        "Student shot dead and seven police seriously injured in clashes",
    ) == [(2, 0), (2, 0), (1, 0), (2, 0), (1, 7)]


def test_deaths_answered_a_family_and_a_whole_group_are_not_the_toll():
    assert tolls_of(
        "Separatists shot and killed one ranger. It is believed to be in retaliation for the "
        "killing of 3 separatist members.",
        "A civilian was killed when troops fired on people protesting against the killing of "
        "two militants.",
        "A father of four is killed by 200 land invaders.",
        "Three herders (out of a group of seven) were killed.",
        "Two assailants shot and killed Haji Abdur Rahim, a deputy district chief.",
        "Two Killed Three Injured in Terrorist Attack in Aleppo City.",
    ) == [(1, 0), (1, 0), (1, 0), (3, 0), (1, 0), (2, 3)]


def test_a_person_listed_with_a_count_or_a_second_person_and_other_victims_add():
    assert tolls_of(
        "An Army major, and 5 militants were killed as militants attacked a check post.",
        "Assailants shot and killed a development council leader and a school clerk.",
        "Assailants abducted and executed two soldiers and their relative.",
        "2 policemen were killed in attacks. 2 other policemen were killed when they arrived.",
        "Five soldiers were killed. The other two soldiers died in hospital.",
        "At least three people were killed and two other officers were injured.",
        "Lawyer Carey Gabay is shot in the head and critically wounded. Two others are wounded.",
        "1 policeman was killed in an ambush. 8 others were killed by snipers.",
    ) == [(6, 0), (2, 0), (3, 0), (4, 0), (5, 0), (3, 2), (0, 3), (9, 0)]


def test_counts_past_long_asides_names_of_places_and_a_harm_done_later():
    assert tolls_of(
        "4 persons, including 3 students and a 15 year old grocery shop employee, were killed.",
        "One United States soldier was killed and six Afghan soldiers were injured.",
        "Two civilians in their 20s were arrested by the army and killed.",
        "One speared to death in clash between farmers and herdsmen",
        "Evictions led to the killing of a member of the local community by rangers.",
        "Two car bombs killed 12 people.",
        "One member was detained and later found killed.",
        "Ten police officers from a GSU camp in Garissa County died when their truck hit a mine.",
    ) == [(4, 0), (1, 6), (2, 0), (1, 0), (1, 0), (12, 0), (1, 0), (10, 0)]


def test_plural_people_after_a_harm_a_subject_with_a_stray_comma_and_whereas():
    assert tolls_of(
        "Assailants abducted four election observers in Balkh. The hostages were killed.",
        "A local commander of the Baloch Liberation Army (BLA), was killed in a raid.",
        "Forces struck militants, killing as many as seven terrorists whereas 15 others "
        "sustained injuries.",
        "Two key militants, Sajid and Mohammad Zafar, were killed in a raid.",
        "Police seized four computers.",
    ) == [(4, 0), (1, 0), (7, 15), (2, 0), (0, 0)]


def test_a_group_named_by_its_kidnappings_noun_takes_its_count():
    assert tolls_of(
        "Assailants abducted four police officers. The officers were shot and killed later.",
        "Assailants abducted three engineers. The soldiers were killed in the rescue.",
        "Assailants abducted two brothers. The gunmen were killed in the rescue.",
    ) == [(4, 0), (0, 0), (0, 0)]


def test_animals_killed_are_no_toll_and_their_names_as_modifiers_still_count_people():
    assert tolls_of(
        "People from Garou wounded one person and killed two oxen.",
        "9 cattle rustlers shot dead by police.",
    ) == [(0, 1), (9, 0)]


def test_parts_listed_after_including_and_one_killed_along_with_another():
    assert tolls_of(
        "Four people, including two police officers, a district manager, and a civilian, were "
        "killed in the blast.",
        "At least five people, including three civilians and a soldier, and a police officer, "
        "were killed and three soldiers were wounded.",
        "The commander, Abdul Rahman, was killed in the blast along with his son.",
        "Police said a man was arrested along with his son.",
    ) == [(4, 0), (5, 3), (2, 0), (0, 0)]


def test_a_larger_figure_another_report_sets_against_the_first_does_not_raise_the_toll():
    assert tolls_of(
        "Gunmen killed four villagers. Other reports said nine people were killed.",
        "Gunmen killed four villagers. One source indicates that nine people were killed.",
        "Gunmen killed four villagers. Later, police said nine people were killed.",
    ) == [(4, 0), (4, 0), (9, 0)]


def test_an_attackers_boast_counts_only_where_no_one_else_gives_a_figure():
    assert tolls_of(
        "Militants attacked a convoy. Al Shabaab claimed killing four. Kenya said one was killed.",
        "Four officers were killed. The group claimed responsibility, claiming to have killed 9.",
        "Four officers were wounded. Al Shabaab claims 7 dead.",
    ) == [(1, 0), (4, 0), (7, 4)]
    decisions = explain("Four officers were killed. The group claimed killing 9.")["decision"]
    assert decisions.to_list()[:2] == [
        "counted (single_claim)",
        "not counted: an attacker's claim, which counts only where no one else's does",
    ]


def test_an_acronym_alone_names_a_group_not_a_person():
    text = "7 militants, with links to several groups including the TTP were killed."
    claims = claims_in(text)
    assert "TTP" not in claims["quantity"].to_list()


def test_the_other_sides_dead_add_to_the_toll_unless_restated():
    assert tolls_of(
        "Two soldiers were killed in an attack. Forces attacked back and killed 3 militants.",
        "At least 15 militants were killed. Troops returned fire, killing at least 15 attackers.",
        "Two soldiers were killed in an attack. Later 3 militants were killed.",
        "Three raiders were killed. Later 2 herders were killed.",
        "4 soldiers were killed, three bodies of fighters were found, and 15 were captured.",
    ) == [(5, 0), (15, 0), (5, 0), (3, 0), (7, 0)]  # another named group adds; a noun alone not


def test_the_attacker_killed_after_the_victims_adds_to_the_toll():
    assert tolls_of(
        "Five police officers were killed. The assailant was killed during a standoff.",
        "Five police officers were killed. The assailant was arrested.",
    ) == [(6, 0), (5, 0)]


def test_words_that_name_a_count_or_a_person_are_not_more_victims():
    assert tolls_of(
        "Two protesters, a man and a woman, were killed.",
        "Two people, an economic department employee and a teacher, were killed in the attack.",
        "Two soldiers, a policeman and a civilian were killed.",
        "Qate, a former JI commander and a National Uprising Movement (NUM) leader, was killed "
        "along with three Afghan Local Police (ALP) officers.",
        "In Kabul, a man and a woman were killed.",
    ) == [(2, 0), (2, 0), (4, 0), (4, 0), (2, 0)]


def test_the_same_people_told_again_separately_are_not_added():
    assert tolls_of(
        "Three officials were assassinated on Sunday. The three were killed separately, each "
        "in their homes.",
        "Two people were killed on Monday. Separately, three soldiers were killed in the north.",
    ) == [(3, 0), (5, 0)]


def test_local_news_ages_weights_years_so_far_and_pronounced_dead():
    assert tolls_of(
        "Carlos Ruiz Jr., 39, was shot dead outside his home on Tuesday night.",
        "A 110-pound man died after he was stabbed in a fight, police said.",
        "Two men, ages 19 and 22, were killed in a drive-by shooting Sunday.",
        "Eighteen people have been killed this year in the city. A man was shot dead Friday.",
        "A 17-year-old boy was fatally shot Saturday, the third homicide this year.",
        "Five people were killed on Monday in the city's worst attack this year.",
        "Officers found a man with gunshot wounds; he was pronounced dead at the scene.",
        "John Smith, 45, of Springfield, died at the scene after the crash.",
        "A woman, 24, and her 3-month-old baby were killed in the crash.",
        "Two brothers, 8 and 10, were killed when a tree fell on their home.",
        "Three sisters, 4, 6 and 9, died in the fire.",
        "Authorities said 40 officers responded to the scene where a man was killed.",
        "More than 1,000 people attended a vigil for the two victims killed in the crash.",
        "Authorities identified the man killed in Tuesday's shooting as David Kim, 41.",
        "Both victims, a 35-year-old man and a 29-year-old woman, died at the scene.",
        "A fire on Tuesday killed two children, 5 and 7.",
    ) == [(1, 0), (1, 0), (2, 0), (1, 0), (1, 0), (5, 0), (1, 0), (1, 0), (2, 0), (2, 0), (3, 0),
          (1, 0), (2, 0), (1, 0), (2, 0), (2, 0)]  # fmt: skip
    assert tolls_of(
        "Fifty people attended the funeral of the slain officer.",  # a crowd, not the slain
        "Three men are in custody in connection with the killing of a teenager.",
        "About 2,000 fans watched as the injured player was carried off the field.",
        "The department has 3,000 officers, and one was wounded in the shootout.",  # of them
    ) == [(0, 0), (1, 0), (0, 0), (0, 1)]  # the teenager, not the three held; the player, not fans


def test_shot_one_fatally_an_event_looked_back_to_and_a_rate_nearly_told():
    assert tolls_of(
        "Police said two people were shot, one fatally, outside a bar early Sunday.",
        "Police clashed with rioters. 13 were shot, 1 of whom was killed.",
        "The shooting came a month after a gunman killed 20 children at a school.",
        "There are nearly 600 gun deaths in the state each year. A man was shot dead Monday.",
        "A suspect was shot and died at the scene.",
        "Guns kill about 4,000 Americans a year. A man was shot dead Monday.",
        "A man was shot dead Sunday. He was one of 52 people killed in the city this year.",
        "Dr. Darwish was one of two people killed.",  # the toll, not a year's tally
        "A shutdown hit Kashmir on Tuesday, a day after a youth was killed in a protest.",
        "About 500 attended a memorial, one year after he was killed by a sniper's bullet.",
    ) == [(1, 1), (1, 12), (0, 0), (1, 0), (1, 0), (1, 0), (1, 0), (2, 0), (0, 0), (0, 0)]
    found = claims_of("Two men were killed a day after the attack.")
    assert [quantity for quantity, *_ in found] == ["Two"]  # "a day" is no one killed


def test_one_is_dead_both_died_and_ages_after_nouns_in_local_news():
    assert tolls_of(
        "A 25-year-old man is dead after a shooting in the 1200 block of Main Street.",
        "The project is dead in the water, officials said.",
        "Officers found two men with gunshot wounds. Both died at the hospital.",
        "The crash killed the driver, 45, and his passenger, 12.",
        "Both Palestinians were injured and hospitalized.",
        "Gunmen beat two journalists, both of whom suffered head injuries.",
        "Both sides claimed victory.",
    ) == [(1, 0), (0, 0), (2, 0), (2, 0), (0, 2), (0, 2), (0, 0)]


def test_one_person_nouns_after_a_count_a_day_before_its_month_and_a_who_clause():
    assert tolls_of(
        "Police shot one gang member, who died later in hospital, and arrested seven.",
        "01 Oct. 7 people killed in the attack on Banisaa Village.",
        "The attack on 3 June 2016 killed 12.",
        "20 militants, including 3 potential suicide bombers, were killed when jets struck.",
        "Assailants abducted a lecturer and a student. The hostages were killed on Monday.",
        "On 09 October, five militants were kiled by the army.",
        "A young man was killed in a clash between two rival groups.",
    ) == [(1, 0), (7, 0), (12, 0), (20, 0), (2, 0), (5, 0), (1, 0)]


def test_two_groups_killed_in_one_sentence_add_and_sources_disputing_do_not():
    assert tolls_of(
        "Cattle raiders clash with police. 2 raiders killed and 2 civilians killed.",
        "5 raiders killed by police in response to a raid during which 12 civilians were killed.",
        "The army said 42 militants were killed; activists said 300 people died.",
        "Ten soldiers were killed, the army said, while the rebels said 30 troops died.",
        "Two armed men on motorcycles killed two gendarmes and wounded a soldier.",
        "The two killed were linked to an earlier shooting of two policemen.",
    ) == [(4, 0), (17, 0), (300, 0), (30, 0), (2, 1), (2, 0)]


def test_hostages_killed_after_an_attacks_dead_add_to_its_toll():
    assert tolls_of(
        "Four officers were killed and two were abducted. The two hostages were killed later.",
        "Militants killed 5 hostages on Monday. Police said 5 hostages were shot dead.",
        "Militants executed 5 hostages on Monday.",
        "1 security guard was killed and 3 abducted.",
    ) == [(6, 0), (5, 0), (5, 0), (1, 0)]


def test_a_toll_reaches_its_figure_over_many_words_and_gives_it_once():
    assert tolls_of(
        "The death toll in an attack on Sunday by Sudanese Toposa militia at a village in "
        "Turkana North district in northern Kenya has risen to 11.",
        "The death toll from an outbreak at a veterans home rises to at least seven with more "
        "than the current number of 32 sickened.",
    ) == [(11, 0), (7, 0)]


def test_a_part_stands_where_no_whole_of_its_outcome_is_told():
    assert tolls_of(
        "5 persons sustained injuries during the clash, 1 of whom succumbed and died.",
        "Two men were wounded on Thursday. Later, one of them succumbed to his injuries.",
        "Six children were among 19 civilians killed.",
        "A US drone kills atleast 5 in Shahi Khel.",
    ) == [(1, 4), (1, 1), (19, 0), (5, 0)]  # the wounded who lived


def test_a_toll_foreseen_or_lives_saved_are_not_deaths():
    assert tolls_of(
        "At least 40 people were killed and the toll could reach as many as 200.",
        "The virus may cause roughly 32,000 more deaths by August.",
        "The charity credits itself with around 14,000 lives saved since 2016.",
        "Many lives were spared when 3 people were killed.",
        "The group saved the lives of more than 100000 Syrians injured in bombings.",
        "Medics saved 40 wounded people after the blast killed 6.",
    ) == [(40, 0), (0, 0), (0, 0), (3, 0), (0, 0), (6, 0)]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("A mob of 200 villagers killed three suspected thieves.", (3, 0)),
        ("Police fired at them, killing a 17 years old man [Size=10]", (1, 0)),  # a crowd's size
        ("Three soldiers shot dead two gunmen at a checkpoint.", (2, 0)),
        ("Dozens of gunmen killed 14 villagers overnight.", (14, 0)),
        ("Five killed, 3 wounded in a market blast.", (5, 3)),
        ("At least 19 killed over two day raid in the north.", (19, 0)),
    ],
)
def test_a_count_that_kills_a_count_is_who_did_it_not_who_died(text, toll):
    assert tolls_of(text) == [toll]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Russian missile attack on Odesa kills 8, wounds 27", (8, 27)),
        ("Fire at 24-unit apartment complex kills 1, displaces 40", (1, 0)),  # 40 displaced
        ("Food poisoning sickens 50, kills 1 at church picnic", (1, 0)),
        ("Crash kills 1, hospitalizes 4", (1, 4)),
        ("Gas leak kills 1, evacuates 500 residents", (1, 0)),
        ("Explosion kills 3, rattles 5,000 residents", (3, 0)),  # any verb of its own
        ("The explosion killed 3 and rattled 5,000 residents.", (3, 0)),
        ("Militants killed and crucified five civilians.", (5, 0)),  # one object of both verbs
        ("The shooting killed one person and sent 200 students running.", (1, 0)),
        ("The raid killed a woman and her 2 children.", (3, 0)),  # a list after "and her"
        ("Explosion at Kabul mosque kills cleric and 3 others", (4, 0)),
        ("A fire at a nursing home in Milan killed six residents, all over 80.", (6, 0)),
        (
            "Bombings in three cities killed 25 people on Saturday and another 10 on Sunday.",
            (35, 0),
        ),
        ("Fifty militants were killed and another 30 sealed off in the tunnels.", (50, 0)),
        ("A car bomb killed two soldiers and three civilians and wounded 20 people.", (5, 20)),
        ("A landslide buried a village, killing 20 people and leaving 11 missing.", (20, 0)),
        ("An Egyptian court sentenced 75 people to death over a 2013 sit-in.", (0, 0)),
        ("Two F-16 jets collided during a training flight; both pilots died.", (2, 0)),
        ("He served as the leader of both legislative bodies.", (0, 0)),
        ("Two men were shot dead by police and a third died of his wounds later.", (3, 0)),
        ("A second earthquake in two weeks killed three people in Herat.", (3, 0)),
        ("A man in his 30s was killed in a shark attack in Sydney.", (1, 0)),
        ("The MP was killed along with two bodyguards and a driver.", (4, 0)),
        ("A TTP commander, as well as four other militants were killed.", (5, 0)),
        ("Four attackers were killed, and the police are holding another five people.", (4, 0)),
        ("Five rangers, one soldier, one worker, and one instructor were killed.", (8, 0)),
        ("A number of people lynched and burned to death a presumed thief.", (1, 0)),
        ("Three suspects managed to flee and one was killed.", (1, 0)),
        ("He was killed in a gunfight between three suspects and police.", (1, 0)),
        ("One soldier from the MNDAA was killed, and ten from the army were killed.", (11, 0)),
        ("Between 25th and 26th of Sep. two people killed in the clash.", (2, 0)),
        ("Police gun down two robbers.", (2, 0)),
        ("One soldier from the Myanmar Armed Forces and four rebels were killed.", (5, 0)),
        ("At least 5-7 local policemen and 2 militia members were killed.", (7, 0)),
        ("At least 21 militants including 2 commanders and 4 soldiers were killed.", (25, 0)),
        ("12 civilians, including 3 children, were killed.", (12, 0)),
    ],
)
def test_headlines_ages_and_counts_continuing_a_list(text, toll):
    assert tolls_of(text) == [toll]


@pytest.mark.parametrize(
    ("text", "killed", "rules"),
    [
        ("A fruit vendor was shot and killed in the market.", 1, ["person_passive"]),
        ("In Benapole, an alleged robber, who had escaped, was killed in a gunfight.", 1,
         ["person_passive"]),
        ("A leader of the banned front was gunned down by unknown men.", 1, ["person_any"]),
        ("Villagers lynched a suspected thief on Friday.", 1, ["person_active"]),
        ("Gunmen shot and killed 1 civilian in the square.", 1, ["count_object"]),
        ("Four suspected gangsters were lynched by a mob.", 4, ["count_predicate"]),
        # not one person: a figure, a thing, plural verbs, a count already made
        ("The strikes killed a large number of militants.", 0, []),
        ("The government executed a planned shutdown of services.", 0, []),
        ("The ministry said four civilians had been killed.", 4, ["count_predicate"]),
        ("One Indian civilian was killed and another injured.", 1, ["count_predicate"]),
        ("A supporter was attacked and killed by a group.", 1, ["person_passive"]),
        ("Gunmen killed and mutilated a security guard.", 1, ["person_any"]),
        ("Teenage boy killed by raiders in Laikipia district", 1, ["person_any"]),
        ("Teenage boys killed by raiders in Laikipia district", 0, []),
        ("Teen, 16, killed in crash on Route 30", 1, ["person_any"]),  # an age, a road
        ("Gunmen attack a village; 14-year-old relative killed in gunfire", 1, ["person_any"]),
        ("Police and suspect engage in gun battle; terror suspect killed", 1, ["person_any"]),
        ("A BJP supporter lost his life after being beaten.", 1, ["person_passive"]),
        ("The man lost his life savings in the fire.", 0, []),
        ("Former council member was killed in a political dispute.", 1, ["person_passive"]),
        ("5 yr old child was shot dead during a raid on a farm.", 1, ["person_passive"]),  # age
        ("Three-year-old boy drowns in pool", 1, ["person_passive"]),  # a headline's present
        # named again by the participle of its harm, anywhere in the sentence
        ("Police said the boy killed in the crash was a student.", 1, ["person_any"]),
        ("Police identified the woman shot dead on Tuesday as Jane Doe.", 1, ["person_any"]),
        ("Police said he killed in cold blood.", 0, []),
        ("A senior, off-duty police officer is shot and killed.", 1, ["person_passive"]),
        ("A farmer on Tuesday lost his life after an attack.", 1, ["person_passive"]),
        # a restrictive "who", and no second phrase run into the first ("The school mourned")
        ("The school mourned the teen who died in the crash.", 1, ["person_passive"]),
        ("Those who were executed are all from the tribe.", 0, []),  # "Those": not one
        ("Security forces said a member was killed.", 1, ["person_passive"]),
        ("A unit member was confirmed dead as he defused a bomb.", 1, ["person_passive"]),
        ("Residents burnt 28-year-old Antony Kariuki to death.", 1, ["person_to_death"]),
        ("Police shot dead 25-year-old John Doe.", 1, ["person_active"]),
        ("Militants shot a civilian who was delivering water, resulting in his death.", 1,
         ["person_active"]),
        ("Gunmen shot a senior police official, DSP Ali Zaidi dead in Karachi.", 1,
         ["person_any"]),
        # the count's own predicate past an including-list or a participle's phrase
        ("8 BRA militants including their commander were killed in a battle.", 8,
         ["count_predicate"]),
        ("Two policemen deployed for the security of the complex were shot dead.", 2,
         ["count_predicate"]),
        # a plural verb of killing beyond the count's phrase
        ("20 labourers who were working on a bridge were gunned down.", 20,
         ["count_far_predicate"]),
        ("Two sites and a number of vehicles were destroyed and fighters were killed.", 0, []),
        ("Three suspected rebels were on 24/02 lynched by residents.", 3,
         ["count_far_predicate"]),
        ("Two men suspected of break-ins and robberies were fatally assaulted.", 2,
         ["count_far_predicate"]),
        ("Three militants (with no known affiliations) and a soldier of the Frontier Corps were "
         "killed.", 4, ["count_far_predicate", "count_listed"]),
        ("7 militants, with links to several militant groups including the TTP were killed.", 7,
         ["count_far_predicate"]),
        ("At least 24 police officers and Kenya Police Reservists (KPR) are feared dead.", 24,
         ["count_far_predicate"]),
        ("A source said that eight students between 7 and 12 years old were killed.", 8,
         ["count_outcome_after"]),  # 7 is an age, not a far count
        # counts of who did it, and harm that did not happen
        ("At least 4 people assaulted and killed a man with rods.", 1, ["person_active"]),
        ("Four men shot and killed a vendor.", 1, ["person_active"]),
        ("Four gunmen shoot and kill a police officer.", 1, ["person_active"]),
        ("Two individuals beat a woman to death in the village.", 1, ["person_to_death"]),
        ("Assailants attacked and killed soldier Yaya Emmanuel at a bridge.", 1, ["person_any"]),
        ("Armed thieves attack and kill a voter registration enumerator.", 1, ["person_any"]),
        ("Unidentified assailants slew a ward-level party leader.", 1, ["person_active"]),
        ("A policeman was targeted by unknown militants and killed.", 1, ["person_passive"]),
        ("A man shot dead his landlord after a land dispute.", 1, ["person_active"]),
        ("Gunmen killed his children.", 0, []),
        ("Gunmen attacked Asif's home. Asif and two of his family members were killed.", 3,
         ["count_predicate", "person_listed"]),
        ("Gunmen and two soldiers were killed in the clash.", 2, ["count_predicate"]),
        ("A local commander was killed along with six other militants.", 7,
         ["count_object", "person_passive"]),
        ("Two soldiers were killed along with 15 militants in the attack.", 17,
         ["count_listed", "count_predicate"]),
        ("Bandits killed two people and seriously injured six others.", 2, ["count_object"]),
        ("Militants attacked, leaving 4 people dead among them 1 police officer.", 4,
         ["count_outcome_before", "count_predicate"]),
        ("A motorbike thief was on Sunday evening lynched by a mob.", 1, ["person_any"]),
        ("The militants vowed to kill a minister.", 0, []),
        ("At least ten armed men shot to death the secretary of the council.", 1,
         ["person_active"]),
        ("A soldier of 12 Assam Rifles was killed in an ambush.", 1, ["person_any"]),
        ("A man was beaten to death by around 3 dozen people.", 1, ["person_passive"]),
        ("Two officials escaped death narrowly after the blast.", 0, []),
        ("A 5 yr old child was shot dead during the raid.", 1, ["person_passive"]),
        # a count after "and" with a verb of its own is not the object of the verb before
        ("At least 14 soldiers were killed and 10 were taken as hostages.", 14,
         ["count_predicate"]),
        ("Forces destroyed five hideouts and killed 7 militants.", 7, ["count_object"]),
        ("Jets strike 64 PKK targets, reportedly killing up to 60 militants.", 60,
         ["count_object"]),
        ("He said Jews are prohibited from killing one another.", 0, []),  # each other
        ("Gunmen opened fire, killing one civilian and injuring one another.", 1,
         ["count_object"]),  # "another one", in a coder's English
        # two people, each named by a singular phrase, with a plural verb
        ("A volunteer ranger and his brother were shot dead.", 2,
         ["person_any", "person_passive"]),
        ("Officers Wenjian Liu and Rafael Ramos were killed.", 2, ["person_any", "person_passive"]),
        ("The soldiers and the civilians were killed.", 0, []),
        # one who died in violence, or was left dead; not an obituary, an accident or an animal
        ("A police head constable died in a clash with protestors.", 1, ["person_passive"]),
        ("A bomb blast at his home left his wife dead.", 1, ["person_any"]),
        ("The veteran actor died on Thursday.", 0, []),
        ("The former mayor, who led the city of 80,000, died Sunday at 76.", 0, []),  # an age
        ("She died at 91 after a long illness.", 0, []),
        ("She died Tuesday after a long battle with cancer.", 0, []),  # a day between
        ("The victim died at 11 p.m. at the hospital.", 1, ["person_passive"]),  # a time
        ("Three occupants of the helicopter died and three firefighters were injured.", 3,
         ["count_predicate"]),
        ("A jackal died trying to eat a bomb.", 0, []),
        ("Al Shabaab claimed responsibility for the death of four in Wajir.", 4,
         ["count_harm_noun"]),
        ("Three Pathan labourers were kidnapped and shot dead.", 3, ["count_predicate"]),
        ("Gunmen attacked the post, killing 9 of them.", 9, ["count_object"]),
        # ages, parts of a group, clauses of their own, adjectives
        ("Two tribals were gunned down; the deceased were Rama (27) and Soma (26).", 2,
         ["count_predicate"]),
        ("A man was gunned down and 6 out of 15 others were injured.", 1, ["person_passive"]),
        ("A man was shot dead while two others suffered gunshot wounds.", 1, ["person_passive"]),
        ("2 civilians and 6 militants were killed, 10 children and 12 militants were wounded.",
         8, ["count_outcome_after", "count_predicate"]),
        ("A robber was killed. Two accomplices of the deceased robber fled.", 1,
         ["person_passive"]),
        # who died of their wounds, named by a long phrase, a pronoun, or "was shot and died"
        ("A man, who suffered burns when a petrol bomb hit the bus he was riding on the highway "
         "on Sunday night, died in hospital on Monday.", 1, ["person_any"]),
        ("A trader who was tortured by guards at the border post on Friday died on Sunday.", 1,
         ["person_any"]),
        ("A Janata Dal (United) leader's bodyguard died in the bomb blast.", 1, ["person_any"]),
        ("A villager from Saqba in Rural Damascus died as a result of torture.", 1,
         ["person_any"]),
        ("A journalist was stabbed on Tuesday. He succumbed to his injuries.", 1,
         ["person_passive"]),
        ("Two protesters succumbed to bullet injuries on Monday.", 2, ["count_predicate"]),
        ("A suspect was shot and died.", 1, ["person_passive"]),
        ("A party leader was attacked at his home in Adjagbo (Abomey) and died on Sunday.", 1,
         ["person_any"]),
        ("The government succumbed to pressure from the unions.", 0, []),
        ("An inspector with the police unit and a corporal with the wildlife service were shot "
         "dead.", 2, ["person_any", "person_any"]),
        # a verb, whom it names, and "to death"; animals are not counted
        ("A herder stabbed a farmer to death after a quarrel.", 1, ["person_to_death"]),
        ("Residents captured a burglar and burned him to death.", 1, ["person_to_death"]),
        ("Residents beat up and burnt to death a suspected criminal.", 1, ["person_active"]),
        ("Officers raided the home of a missionary, killing and robbing him.", 1,
         ["person_active"]),
        ("Villagers stabbed 3 traders to death at the market.", 3, ["count_to_death"]),
        ("Angry residents have stoned to death two armed robbers.", 2, ["count_object"]),
        ("A mob beat the suspects to death.", 0, []),
        ("The flood drowned and beat 300 cows to death.", 0, []),
        # a death named by its noun, of one person; not a protest over it, not a thing
        ("A roadside blast resulted in the death of a district councillor.", 1,
         ["person_death_of"]),
        ("Police are investigating the killing of journalist Jane Doe.", 1, ["person_death_of"]),
        # who says so is no victim, though a role and a name follow an employer's name
        ("Some 40 rebels were also killed Observatory director Rami Abdel Rahman told AFP.", 40,
         ["count_predicate"]),
        ("Riots broke out in response to the beheading of Jane Doe.", 0, []),
        ("The talks led to the death of the peace process.", 0, []),
        ("The strikes caused the deaths of civilians.", 0, []),
        ("It avenges the killing of Western citizens, not of Syrians.", 0, []),  # an adjective
        ("The death of Mohammed was confirmed on Sunday.", 1, ["person_death_of"]),
        # roles as victims, and two people joined by "and"
        ("A farmer shot and killed the presumed thief.", 1, ["person_active"]),
        ("Gunmen shot dead the head of a water project.", 1, ["person_active"]),
        ("Rebels killed the village head.", 1, ["person_active"]),
        ("The bullet hit the head of the driver.", 0, []),
        # a weapon between the verb and whom it names; not after a passive
        ("Unknown men killed by machete a cattle herder.", 1, ["person_active"]),
        ("A herder was killed by an arrow Kamau had fired.", 1, ["person_passive"]),
        ("A man and his son were shot dead.", 2, ["person_any", "person_passive"]),
        # a count after "and" with a verb of its own, past an aside: not the object of "killed"
        ("Two policemen were gunned down and eight others, including two civilians, sustained "
         "bullet wounds.", 2, ["count_predicate"]),
        ("At least two rangers were killed and four others (including civilians) were injured.",
         2, ["count_predicate"]),
        ("Two officials were killed and five members of the bomb squad were injured.", 2,
         ["count_predicate"]),
        ("One person was killed and 50 others including 10 policemen were injured.", 1,
         ["count_predicate"]),
        # the first count of a list takes the verb after the list
        ("One police officer and one local guard were killed.", 2,
         ["count_outcome_after", "count_predicate"]),
        ("Two onlookers and one policeman in Jaleshwar, Mahottari, were killed.", 3,
         ["count_far_predicate", "count_listed_before"]),
        ("One army vehicle was damaged and 4 soldiers killed.", 4, ["count_predicate"]),
        ("Two armed men exchanged fire with the police, and one of the men was killed.", 1,
         ["count_predicate", "person_any"]),
        # brackets and quotes in the victim's phrase; an "-style" ambush is no war
        ("An aid worker [Jane Doe] was shot dead on Monday [28 September] in Dhaka.", 1,
         ["person_any"]),
        ('A suspected "terrorist" was shot dead by police.', 1, ["person_any"]),
        ("A vendor and his wife were shot dead in an insurgency-style ambush.", 2,
         ["person_any", "person_passive"]),
        ("A local leader was beaten dead by shopkeepers.", 1, ["person_passive"]),
        ("The driver was taken to a hospital and later pronounced dead.", 1,
         ["person_passive"]),
        ("A teacher is abducted and later found dead.", 1, ["person_passive"]),
        ("Deputies found a woman dead inside the home.", 1, ["person_any"]),
        ("Rescuers found the village dead silent.", 0, []),
        # the home town after an age is no second person
        ("Carlos Ruiz Jr., 39, of Springfield, was shot dead.", 1, ["person_passive"]),
        ("Carlos Ruiz Jr., 39, of Springfield, and Ann Lee, 25, of Dayton, were shot dead.", 2,
         ["person_any", "person_passive"]),
        ("Their bodies were found shot dead.", 0, []),  # no one named between the words
        ("Youths attacked a camp in the wake of the death of a taxi driver.", 0, []),
        # a group killed after its kidnapping takes the kidnapping's count; without one, none
        ("Gunmen abducted three civilians. The hostages were shot and killed later.", 3,
         ["person_group"]),
        ("Gunmen kidnapped five officials and a driver. The hostages were executed.", 6,
         ["person_group"]),
        ("The hostages were killed in the raid.", 0, []),
        ("Gunmen abducted two traders. The hostages, who had paid a ransom, were shot dead.",
         2, ["person_group"]),
        ("Gunmen abducted a dozen people. Nine hostages were killed and their bodies were found.",
         9, ["count_predicate"]),
        ("Gunmen abducted two traders. Their bodies were found in a river.", 2, ["person_group"]),
        # a body found: one each, not added to the same person's killing, not an organisation
        ("The body of a woman was found in a river.", 1, ["person_body"]),
        ("Police recovered the bullet-hit body of a wanted gang leader.", 1, ["person_body"]),
        ("A group kidnapped a trader. His body was recovered later.", 1, ["person_body"]),
        ("A man's body was found near the market.", 1, ["person_body"]),
        ("A trader was beheaded, and his body was dumped in a field.", 1, ["person_passive"]),
        ("The governing body found that the water body was polluted.", 0, []),
        ("The body of the car was found burnt out.", 0, []),
        ("A bomb hit the tomb of a police chief, who was killed by anarchists in 1909.", 0, []),
        # no deaths of people: animals, time stamps, a year's statistics, another figure
        ("The government ordered the killing of over 300,000 pigs.", 0, []),
        ("Sat Feb 28 2015 190703 35 Dead Dozens Wounded in Battle in Aleppo.", 35,
         ["count_predicate"]),
        ("Pollution is responsible for upwards of 100,000 deaths annually.", 0,
         ["count_predicate"]),  # a background claim the toll leaves out
        ("Death toll rises to 70 as bombs fall; the offensive could uproot 700000 Syrians.", 70,
         ["count_toll"]),
    ],
)  # fmt: skip
def test_one_person_killed_counts_one_whatever_noun_names_them(text, killed, rules):
    articles = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    found = extract_claims(articles, dates=False).filter(pl.col("outcome") == "killed")
    assert sorted(found["rule"].to_list()) == rules
    assert casualty_tolls(found, articles=articles)["killed"].to_list() == [killed]


def test_explain_says_what_the_toll_did_with_each_claim():
    text = (
        "Gunmen killed 12 villagers, including three children. Two more died later in hospital, "
        "and two soldiers were wounded."
    )
    explained = explain(text)
    decisions = dict(zip(explained["quantity"], explained["decision"], strict=True))
    assert decisions["12"].startswith("counted")
    assert decisions["three"].startswith("left out: part of a figure")
    assert decisions["Two"] == "counted (separate_incident_added)"
    assert decisions["toll 14"] == "separate_incident_added"
    tolls = casualty_tolls(pl.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert tolls.select("killed", "killed_rule", "wounded").row(0) == (
        14,
        "separate_incident_added",
        2,
    )


def test_explain_gives_the_tolls_casualty_tolls_gives_and_says_when_there_is_nothing():
    text = "11 people have been shot, 5 fatally, over the weekend."
    tolls = explain(text).filter(pl.col("rule") == "toll")
    assert tolls.select("quantity", "decision").rows() == [
        ("toll 5", "subset_single_claim"),
        ("toll 6", "single_claim_less_killed"),
    ]
    assert casualty_tolls(pl.DataFrame({"doc_id": ["a"], "text": [text]})).select(
        "killed", "wounded", "wounded_rule"
    ).row(0) == (5, 6, "single_claim_less_killed")
    with pytest.raises(ValueError, match="empty"):
        explain(pl.DataFrame({"doc_id": [], "text": []}, schema={"doc_id": str, "text": str}))


@pytest.mark.parametrize("dates", [True, False])
def test_the_same_claims_from_one_worker_or_two(monkeypatch, dates):
    from toolkit.io import workers

    monkeypatch.setattr(workers, "MIN_PARALLEL_BYTES", 0)  # parallel even for a few articles
    texts = [
        "Gunmen killed 12 villagers on Monday, police said.",
        "A fruit vendor was shot and killed. Two others were wounded.",
        "The toll rose to 40, including six children, officials said on 3 May 2020.",
        "Nothing happened here.",
    ]
    articles = pl.concat(
        [load_sample().select("doc_id", "text", "published"),
         pl.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": texts,
                       "published": [load_sample()["published"][0]] * len(texts)})]
    )  # fmt: skip
    one = extract_claims(articles, dates=dates, workers=1)
    assert workers.map_articles(len, articles, workers=2) is not None  # it does go parallel
    assert_frame_equal(extract_claims(articles, dates=dates, workers=2), one)
    assert one.height > 10


def test_every_probe_description_gets_its_toll():
    # data/probes: descriptions written by the rules' authors, a unit test of the rules (never
    # an estimate of accuracy on other people's text, which scripts/toll_errors.py measures)
    probes = pl.read_csv(ROOT / "data" / "probes" / "event_tolls.csv").with_row_index("doc_id")
    probes = probes.with_columns(pl.col("doc_id").cast(pl.String))
    ours = casualty_tolls(probes.select("doc_id", "text"), workers=1)
    wrong = probes.join(ours, on="doc_id").filter(pl.col("killed") != pl.col("killed_right"))
    assert wrong.select("text", "killed", "killed_right").rows() == []


def test_an_event_named_by_its_year_or_compared_with_since_is_recalled():
    from datetime import date

    text = (
        "A gunman killed 8 people on Tuesday, the deadliest shooting since the 2017 Las Vegas "
        "massacre that killed 58 people. The 1999 Columbine shooting killed 13."
    )
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(2021, 6, 1)]})
    claims = extract_claims(arts, workers=1)
    assert claims.select("quantity", "relation").rows() == [
        ("8", None), ("58", "earlier"), ("13", "earlier")
    ]  # fmt: skip
    assert casualty_tolls(claims, articles=arts)["killed"].to_list() == [8]


def test_a_name_of_an_organisation_is_no_one_harmed():
    assert tolls_of(
        "Two members of the Karen National Union were injured.",
        "An official of the Counter Terrorism Department was shot dead outside his house.",
        "Fighters of the al-Nusra Front were also killed.",
        "Assailants beheaded an Army Air Force Unit soldier in Bamenda.",  # a soldier, one
    ) == [(0, 2), (1, 0), (0, 0), (1, 0)]


def test_others_counted_after_one_named_by_a_noun_of_harm_add_to_them():
    assert tolls_of(
        "A suicide attack led to the death of Shuja Khanzada, Punjab Home Minister, and 19 other "
        "individuals.",  # the minister is Khanzada: 20
        "The blast led to the death of a policeman and 19 others.",
        "The attack caused the deaths of the governor and 12 other people.",
    ) == [(20, 0), (20, 0), (13, 0)]


def test_attempted_harm_is_none_and_abductions_in_the_present_count():
    assert claims_of("Gunmen attempted to kill five soldiers in the raid.") == []
    assert claims_of("About 50 people tried to lynch three men.") == []
    assert claims_of("Gunmen kill a teacher and abduct four students.") == [
        ("a teacher", 1, 1, "none", "killed"), ("four", 4, 4, "exact", "kidnapped"),
    ]  # fmt: skip


def test_one_persons_phrase_holds_no_second_determiner():
    arts = pl.DataFrame({"doc_id": ["a"], "text": ["The school mourned the teen who died."]})
    assert extract_claims(arts, dates=False)["quantity"].to_list() == ["the teen"]


def test_a_list_the_dead_open_counts_each_one_named_once():
    assert tolls_of(
        "A fire tore through a home. The dead include a boy, his sister and their mother, "
        "officials said.",
        "Killed were John Smith, 45, of Springfield, Mary Jones, 38, and Tom Brown, 22.",
        # who one was is no one more, nor who says so
        "Killed were Sgt. John Smith, a 20-year veteran, and Mary Jones, 38, police said.",
        "Those killed were a firefighter and his son.",
        "The dead were identified as John Smith, 45; Mary Jones, 38; and Tom Brown, 22.",
        # the list tells again the dead counted before it
        "Three people were killed in the crash. Killed were A. Smith, B. Jones and C. Brown.",
        "Gunmen stormed the village. At least six of those killed were Syrian rebel fighters.",
    ) == [(3, 0), (3, 0), (2, 0), (2, 0), (3, 0), (3, 0), (6, 0)]


def test_local_news_crashes_fires_and_drownings_count_their_dead():
    assert tolls_of(
        "A 72-year-old pedestrian was struck and killed by a vehicle on Main Street.",
        "A cyclist was struck by a car and killed.",
        "A man was run over and killed by a bus.",
        "A toddler drowned in a backyard pool Saturday.",
        "Firefighters found the bodies of a woman and her two children inside the home.",
        "The bodies of a man and a woman were found in a car.",
        # the bodies' verb is theirs, but one listed "with" them has a verb of its own
        "The bodies of 10 victims arrived at the hospital along with 41 people who were injured.",
        "The hunter is believed to have murdered a colleague.",  # he killed: not passive
        # one of the dead named again later is no death more
        "Two people died in a crash on Route 9. Police said the boy killed in the crash was 15.",
        "A man, a woman and a child were killed in the crash.",  # a list of "a", each one
        "A man, a woman, a boy and a girl died in the fire.",
    ) == [(1, 0), (1, 0), (1, 0), (1, 0), (3, 0), (2, 0), (10, 41), (1, 0), (2, 0), (3, 0), (4, 0)]


def test_a_life_claimed_names_whom_it_claimed_and_a_weekday_ends_the_name():
    assert claims_of("A house fire claimed the life of an elderly man Tuesday.") == [
        ("an elderly man", 1, 1, "none", "killed")
    ]


def test_carried_sickened_and_whole_groups_are_not_the_dead():
    assert tolls_of(
        "The plane, carrying 150 passengers, crashed on landing, killing 2.",
        "Of the 1,200 people at the concert, 8 were killed in the crush.",
        "The outbreak has sickened 120 people and killed 3 in 14 states.",
        "He was shot 12 times and died at the scene.",
    ) == [(2, 0), (8, 0), (3, 0), (1, 0)]


def test_a_periods_toll_a_year_long_before_dates_is_earlier_once_the_period_is_over():
    texts = [
        "The 1918 flu pandemic killed 50 million people worldwide.",
        "The war, which began in 2011, has killed more than 280,000 people.",
    ]
    articles = pl.DataFrame(
        {"doc_id": ["a", "b"], "text": texts, "published": [date(2019, 1, 7)] * 2}
    )
    assert extract_claims(articles)["relation"].to_list() == ["earlier", "background"]


def test_another_hurt_beside_the_dead_counts_one_and_more_dead_are_in_a_toll_that_rose():
    assert tolls_of(
        "A man was killed and another wounded in a shooting Tuesday night.",
        "One soldier was killed and another was seriously injured.",
        "The death toll from the tornado rose to 7 on Wednesday, as crews found two more bodies.",
        "Two more bodies were found on Wednesday, bringing the death toll to 7.",
    ) == [(1, 1), (1, 1), (7, 0), (7, 0)]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Drunk driving crashes kill about 37 people every day in the United States.", 0),  # a rate
        ("The storm was the deadliest since Katrina, which killed more than 1,800.", 0),
        ("Gun deaths reached a record 48,830 in 2017.", 0),  # a toll that rose, years before
        ("The hurricane killed at least 150 people, the deadliest storm since Katrina.", 150),
    ],
)
def test_statistics_and_the_events_compared_with_are_not_the_reported_toll(text, killed):
    articles = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(2019, 1, 7)]})
    claims = extract_claims(articles)
    assert casualty_tolls(articles)["killed"].to_list() == [killed]
    assert claims.filter(pl.col("rule").str.starts_with("person")).is_empty()  # no hurricane


def test_animals_killed_are_no_toll_but_people_named_after_them_are():
    assert tolls_of(
        "A barn fire killed 300 cattle on a farm near Ames.",
        "Two cattle thieves were killed by villagers.",
        "Police shot dead 9 cattle rustlers.",
        "The drought has killed 3 million trees in the county.",  # nor are plants
        "The insurer paid 40 death claims worth $2 million.",  # nor claims
    ) == [(0, 0), (2, 0), (9, 0), (0, 0), (0, 0)]


def test_a_crowd_beside_no_one_hurt_and_the_dead_of_night_are_no_casualties():
    assert tolls_of(
        "The rally drew 25,000 people, and no one was hurt.",
        "In the dead of night, 4 men broke into the store.",
        "Two protesters and one policeman were killed.",  # a list still takes its verb
    ) == [(0, 0), (0, 0), (3, 0)]


def test_ratios_deaths_prevented_and_what_a_vote_kills_are_no_deaths():
    assert (
        tolls_of(
            "About 1 in 4 deaths in the county is linked to heart disease.",
            "The vaccine prevented an estimated 20,000 deaths, officials said.",
            "The plan would cut 200 jobs and kill 3 programs.",
            "The proposal was killed by a 5-2 vote of the city council.",
            "He went on to say thousands of deaths could be prevented.",
            "Experts say 20,000 deaths could have been avoided with earlier lockdowns.",
        )
        == [(0, 0)] * 6
    )


def test_links_and_boxes_of_other_stories_in_a_local_page_are_not_its_claims():
    assert tolls_of(
        "A man was killed in a shooting Sunday night, police said.\n\nRELATED: 12 killed in mass "
        "shooting at Texas mall\n\nPolice have not named a suspect.",
        "A woman died in a crash Friday. Read more: Bus crash kills 27 in Mexico. The crash is "
        "under investigation.",
        "A woman died in a crash Friday. Around the Web Earthquake kills 300 in Turkey",
        "A woman died in a crash Friday. Police said 2 more people were killed later.",  # no link
    ) == [(1, 0), (1, 0), (1, 0), (3, 0)]


def test_a_word_of_harm_in_a_name_is_no_outcome():
    assert tolls_of(
        "The Day of the Dead festival drew 10,000 people downtown.",
        "The Walking Dead returns for 8 more episodes in October.",
        "The former lyricist of the Grateful Dead was 78.",
        "Three Dead In Shooting At Mall",  # a headline in title case names no show
    ) == [(0, 0), (0, 0), (0, 0), (3, 0)]


def test_an_age_said_of_the_dead_is_no_count_but_a_toll_said_so_is():
    assert tolls_of(
        "A man was shot dead Sunday. The dead man was 45.",
        "A man died in the crash. The man who died was 62.",
        "The driver killed in the crash was 81, police said.",
        "The death toll was 45, officials said.",
        "The number of people killed was 12.",
    ) == [(1, 0), (1, 0), (1, 0), (45, 0), (12, 0)]


def test_a_speed_or_an_age_in_brackets_beside_the_dead_is_no_count():
    assert claims_of("The car, going 90 mph, struck a tree, killing the driver.") == [
        ("the driver", 1, 1, "none", "killed")
    ]
    assert claims_of("The driver (45) was killed instantly.") == [
        ("The driver", 1, 1, "none", "killed")
    ]


def test_a_word_of_harm_after_a_determiner_or_before_has_takes_no_object():
    assert tolls_of(
        "The fund for the slain officer has raised $250,000 from 3,000 donors.",
        "The blast led to the killing of one person and the injury of 40 others.",
        "A fund for the family of the woman killed has raised $45,000 from 900 donors.",
        "Among those killed were 12 children.",  # "were": the count is the killed
    ) == [(0, 0), (1, 40), (0, 0), (12, 0)]


def test_a_toll_word_before_a_semicolon_does_not_make_the_next_clause_an_update():
    arts = pl.DataFrame({"doc_id": ["a"], "text": ["Heat reached 105 degrees; 3 people died."]})
    assert extract_claims(arts, dates=False)["relation"].to_list() == [None]


def test_the_shot_are_wounded_unless_the_words_after_say_otherwise():
    assert tolls_of(
        "A man was shot in the leg Saturday, police said.",
        "Four people were shot early Sunday on the city's north side.",
        "Police shot two protesters during the march.",
        "Two men were shot in the chest and killed.",
        "Four members were shot, hacked and decapitated.",  # a fatal verb ends the list
        "The drone was shot down over the city.",
        "Police fired one shot into the air.",
        "Two people received a booster shot.",
        "11 people have been shot, 5 fatally, over the weekend.",
        "He shot 68 in the final round to win by two strokes.",
    ) == [(0, 1), (0, 4), (0, 2), (2, 0), (4, 0), (0, 0), (0, 0), (0, 0), (5, 6), (0, 0)]
    assert tolls_of(  # a year's tally of the shot is background, like one of the killed
        "A man was shot Saturday on Main Street. He was one of 230 people shot in the city this "
        "year.",
        "Police said 3 people were wounded. In all, 412 people were shot in Chicago this year.",
    ) == [(0, 1), (0, 3)]


def test_one_wounded_whom_the_next_he_or_she_says_died_is_counted_once():
    assert tolls_of(
        "Sergeant Ratana was shot at the custody centre. He was later pronounced dead.",
        "The mayor was stabbed on stage. He died today.",
        "A bystander was wounded. The gunman fled, and he was shot dead by police.",
        "A bystander was wounded. Police said he died.",  # a source first, no one else
        "Three were injured. He attacked people there, and one of them died.",
        "Three people were shot outside a bar. A 22-year-old man died at the scene.",
        "Three people were wounded in the blast. A man was killed.",  # the wounded lived
        "Two people were shot Saturday. A man was also killed in a separate shooting.",
    ) == [
        (1, 0),
        (1, 0),
        (1, 1),
        (1, 0),
        (1, 3),
        (1, 2),
        (1, 3),
        (1, 2),
    ]  # not the gunman, nor "them"
    # another sentence names


def test_one_person_injured_is_named_with_the_injury_as_local_news_does():
    assert tolls_of(
        "A man suffered a gunshot wound to the leg Saturday night.",
        "The driver was treated for minor injuries at the scene.",
        "A woman, 34, was taken to Baystate Medical Center with a gunshot wound to the arm.",
        "A man is in critical condition after being stabbed.",
        "A man was stabbed and is in critical condition.",  # one man, not two
        "Two of the men suffered injuries.",  # the count's, not one more
        "Protesters suffered injuries.",  # a group, no one person
        "The driver of the truck, a 45-year-old Holyoke man, was taken to Baystate Medical Center "
        "with life-threatening injuries.",  # named by an aside before the verb
        "A woman had minor injuries from shattered glass.",
        "A truck driver has suffered burns in a petrol bomb attack.",
        "A firefighter was treated for smoke inhalation at the scene.",
        "Two residents were treated for smoke inhalation.",
        "The pilot and co-pilot were hurt in the crash.",
        "A 34-year-old woman remains hospitalized in stable condition.",
    ) == [(0, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, 2), (0, 0), (0, 1), (0, 1), (0, 1), (0, 1),
          (0, 2), (0, 2), (0, 1)]  # fmt: skip


def test_a_count_after_its_own_verb_and_object_is_not_the_outcome_before_it():
    assert tolls_of(
        "The crash left one man dead and sent four others to the hospital.",
        "Militants killed and crucified five civilians.",  # one object of both verbs
        "It was the third shooting this week; no one was hurt in the first two.",  # where
        "Four police were killed during fighting, including 2 officers.",  # a part after a comma
    ) == [(1, 4), (5, 0), (0, 0), (4, 0)]  # the four sent to hospital are wounded, not killed


def test_one_person_who_fell_to_a_death_or_died_after_a_clause_of_what_befell_them():
    assert tolls_of(
        "A hiker fell to his death at Mount Tom State Reservation.",
        "A woman was found unresponsive and later pronounced dead.",
        "The 5-year-old boy who was hit by a car last week has died, his family said.",
        "Ms. Sanders was hit several times and was pronounced dead at the scene.",
        "Just over an hour later, he was declared dead at a nearby hospital.",
        "A man was found unresponsive in the water and later died.",
    ) == [(1, 0), (1, 0), (1, 0), (1, 0), (1, 0), (1, 0)]
    text = "The woman who was hit by a car driven by a man who later died is recovering."
    claims = claims_in(text)
    assert claims["quantity"].to_list() == ["a man"]  # his death, not hers


def test_a_count_taken_to_hospital_is_wounded_unless_as_a_precaution():
    assert tolls_of(
        "Two people were killed and four others were taken to area hospitals.",
        "Three people were rushed to hospital with burns.",
        "Five people were taken to hospital as a precaution.",
        "Two people were hospitalized for observation.",
    ) == [(2, 4), (0, 3), (0, 0), (0, 0)]


def test_teens_and_toddlers_counted_with_their_ages_listed_after_are_people():
    assert tolls_of(
        "Three teens, ages 15, 16 and 17, were injured.",
        "Two toddlers, ages 2 and 3, were killed in the fire.",
        "A 17-year-old was killed and a 15-year-old was wounded in the shooting.",  # one, by age
    ) == [(0, 3), (2, 0), (1, 1)]


def test_people_who_suffered_wounds_are_wounded_but_a_count_of_wounds_is_not():
    assert tolls_of(
        "A man was shot dead while two others suffered gunshot wounds.",
        "Two people were found with gunshot wounds.",
        "The body of a man was found with 23 gunshot wounds.",  # wounds, not people
        "Mortar fire in Damascus kills 12 wounds 50",  # a headline's verb
    ) == [(1, 2), (0, 2), (1, 0), (12, 50)]


def test_two_of_kin_after_one_article_are_two_people():
    assert tolls_of(
        "A father and son were shot and killed outside their home.",
        "The groom's father and brother were killed in the attack.",
        "An elderly man and woman were found dead in their home.",
        "The father and his sons were killed.",  # not two of kin: his sons are more
        "An elderly couple was found dead in their home.",  # a couple is two
        "A couple of soldiers were killed.",  # ... and "a couple of" two at least
    ) == [(2, 0), (2, 0), (2, 0), (0, 0), (2, 0), (2, 0)]


def test_a_team_beaten_by_a_score_is_no_one_killed():
    assert tolls_of(
        "The Lakers killed Boston 120-98 on Tuesday night.",
        "The Yankees were killed by the Orioles 10-2.",
        "A soldier was killed by militants 10-15 km north of the town.",  # a distance, not a score
    ) == [(0, 0), (0, 0), (1, 0)]


def test_a_person_harmed_in_a_clause_that_leaves_out_was():
    assert tolls_of(
        "A motorcyclist was killed and his passenger injured in a crash.",
        "Two soldiers were killed and their commander injured.",
        "A cyclist was struck by a pickup truck and seriously injured.",
        "A motorcyclist was killed and his passenger was injured in a crash.",  # once, not twice
    ) == [(1, 1), (2, 1), (0, 1), (1, 1)]


def test_an_age_or_a_parents_children_before_the_verb_do_not_make_one_person_a_count():
    assert tolls_of(
        "Police are investigating the death of a 23-year-old woman.",
        "The death of a 2-year-old boy is being investigated as a homicide.",
        "The killing of two 17-year-old boys shocked the town.",
        "A mother of 5 died in the fire.",
        "A father of three was killed in a crash Saturday.",
    ) == [(1, 0), (1, 0), (2, 0), (1, 0), (1, 0)]


def test_the_wounded_beside_deaths_a_protest_or_a_charge_answers_are_earlier_too():
    assert tolls_of(
        "A court in the capital sentences four men to death and six others to long prison terms "
        "for the bomb attacks nine years ago on five crowded city buses that killed 97 people "
        "and wounded more than 400.",
    ) == [(0, 0)]
    assert tolls_of(
        "Soleimani was responsible for the deaths of hundreds of service members and the "
        "wounding of thousands more, the Pentagon said.",
        "A bomb killed 5 people. Protests erupted over the killing of two students and the "
        "wounding of 12 others.",
    ) == [(0, 0), (5, 0)]


def test_a_crowd_that_protests_or_clashes_is_not_the_harmed_named_near_it():
    assert tolls_of(
        "Thousands of party members, along with its associate bodies, staged a march.",
        "Hundreds of people, including relatives of a deceased student, staged a protest.",
        "Around 5,000 striking workers pelted police with rocks, injuring two policemen.",
        "At least 24 people were injured on Tuesday as thousands of villagers clashed with police.",
        "Hundreds of people clashed with police on Friday, and 12 were injured.",
    ) == [(0, 0), (0, 0), (0, 2), (0, 24), (0, 12)]


def test_the_dead_a_count_is_part_of_are_still_its_outcome():
    assert tolls_of(
        "At least 30 people were killed. Two of the dead were women.",
        "Eleven children were among the dead.",
        "Two civilians were caught in the crossfire - the deaths angered residents.",
        "The bodies of three men were found in a field.",
    ) == [(30, 0), (11, 0), (2, 0), (3, 0)]


def test_an_outcome_right_after_a_part_counted_is_the_parts_not_the_whole():
    assert tolls_of(
        "An official said 700 people including 47 wounded had crossed the border overnight.",
        "At least 87 people including 31 children died in the attack.",
    ) == [(0, 47), (87, 0)]


def test_the_fatal_part_of_an_areas_tally_comes_off_its_wounded():
    assert tolls_of(
        "Across the city, 35 people were shot over the weekend, six fatally.",
        # "in the city" names a place, not a whole area: the massacre is the article's toll
        "Officials said Sunday that IS killed 300 people over the weekend in the city of Deir "
        "el-Zour. Two soldiers were killed on Monday.",
    ) == [(6, 29), (300, 0)]


def test_people_in_critical_or_serious_condition_are_wounded():
    assert tolls_of(
        "Two men are in critical condition after a shooting on Main Street Saturday night.",
        "Three people were injured, two of them in serious condition.",
    ) == [(0, 2), (0, 3)]


def test_two_of_kin_who_also_died_are_two_more_dead():
    assert tolls_of(
        "The girl's father and brother also died in the crash.",
        "A 7-year-old girl was killed in the fire. Her father and brother also died.",
        "A shoot-out broke out and a suspect was shot and died.",  # one, not the shoot-out too
        "John Smith died Tuesday at his home.",  # no violence: an obituary's
    ) == [(2, 0), (3, 0), (1, 0), (0, 0)]


def test_a_count_after_one_killed_and_and_is_killed_too():
    assert tolls_of(
        "The suspect shot and killed his wife and two daughters before turning the gun on himself.",
        "The gunman killed a guard and two customers.",
        "Four brothers assaulted and wounded a herder.",  # the count did it: no one counted
    ) == [(4, 0), (3, 0), (0, 1)]


def test_a_count_a_harm_sent_to_hospital_is_wounded():
    assert tolls_of(
        "The crash left one man dead and sent four others to the hospital.",
        "The crash sent two to the hospital with minor injuries.",
        "The school sent 300 students home after the shooting.",  # not to hospital
    ) == [(1, 4), (0, 2), (0, 0)]


def test_a_part_of_an_earlier_or_background_toll_is_no_toll_of_its_own():
    assert tolls_of(
        "Friday marks 10 years since the Sandy Hook shooting that killed 26 people, including 20 "
        "children.",
        "Last year, a fire on the same street killed five people, including three children.",
    ) == [(0, 0), (0, 0)]


def test_the_killing_that_names_a_killer_sentenced_is_earlier():
    assert tolls_of(
        "The gunman who killed 10 people at a supermarket was sentenced to life in prison.",
        "The man who shot two officers on Monday was charged with attempted murder.",  # news
        "A gunman who killed 10 people at a supermarket on Saturday was shot dead by police.",
    ) == [(0, 0), (0, 2), (10, 0)]


def test_a_months_tally_in_the_perfect_is_background_as_a_years_is():
    assert tolls_of(
        "A man was shot dead Saturday. Police said 23 people have been shot in the city this "
        "month, five fatally.",
        "Police said 23 people have been shot in the city this month, five fatally.",  # alone
    ) == [(1, 0), (5, 18)]


def test_one_of_the_shot_who_died_in_the_next_clause_comes_off_the_wounded():
    assert tolls_of(
        "Officers found 3 people shot; one died.",
        "Three people were shot, and one died at the hospital.",
        "Two soldiers were shot and one civilian was killed.",  # a noun of its own: another
    ) == [(1, 2), (1, 2), (1, 2)]


def test_a_noun_in_quotes_after_a_count_is_the_counts_not_one_person_more():
    assert claims_of("On 3 March, 2 'Arbakis' were killed in an attack.") == [
        ("2", 2, 2, "exact", "killed")
    ]


def test_a_toll_broken_down_after_it_is_told_is_not_added_again():
    assert tolls_of(
        "The death toll from the apartment fire rose to 6 on Tuesday. Four people died Sunday and "
        "two more died Monday.",
        "A police officer shot dead 10 people in two bars. He shot and killed two colleagues in "
        "one bar, then killed eight civilians in another.",
    ) == [(6, 0), (10, 0)]


def test_a_figure_given_first_and_since_revised_is_an_old_value():
    assert tolls_of(
        "A gunman opened fire at a grocery store Monday, killing 10 people. Police initially "
        "said 12 people had been killed.",
    ) == [(10, 0)]


def test_a_years_total_a_new_toll_brings_up_is_background():
    assert tolls_of(
        "The attack killed 3 and wounded 12, bringing this year's total to 150 killed.",
        "A man was shot dead Friday, raising the year's death toll to 40.",
    ) == [(3, 12), (1, 0)]


def test_one_harmed_before_who_has_since_died_is_named_by_the_phrase():
    assert claims_of("A man shot during a robbery Friday has died, police said.") == [
        ("A man shot", 1, 1, "none", "killed")
    ]
    assert tolls_of("Another report said eight Mexicans died in the attack.") == [(8, 0)]


def test_last_months_event_is_earlier_but_the_last_months_tally_is_not():
    assert tolls_of(
        "A fire displaced four people Tuesday. No one was injured. Last month, a fire on the same "
        "street killed two people and injured five firefighters.",
        "Rescuers say more than 450 people were killed there in the last month.",
    ) == [(0, 0), (450, 0)]


def test_the_event_a_story_follows_is_earlier():
    assert tolls_of(
        "A man was killed Sunday in Austin. The weekend violence follows a holiday weekend in "
        "which more than 70 people were shot.",
    ) == [(1, 0)]


def test_a_killing_someone_is_sentenced_for_is_earlier():
    assert tolls_of(
        "A man was sentenced Thursday to life in prison for the 2019 killing of two men.",
        "Youths rallied for a girl who was sentenced to death for killing her husband.",
    ) == [(0, 0), (0, 0)]


def test_the_victims_named_in_an_aside_before_suffered_are_the_counts_not_more():
    assert tolls_of(
        "A man was shot and killed and two others were wounded. The two other victims, a "
        "22-year-old man and a 24-year-old woman, suffered non-life-threatening injuries.",
    ) == [(1, 2)]


def test_one_taken_to_hospital_in_serious_condition_is_wounded_once():
    assert tolls_of(
        "The man was taken to a hospital in serious condition.",
        "A driver was shot on the road. He was taken to the hospital in serious condition.",
    ) == [(0, 1), (0, 1)]


def test_more_headlines_and_top_stories_open_links_to_other_stories():
    assert tolls_of(
        "A man was injured in a crash Sunday. MORE HEADLINES: Two killed in shooting on State "
        "Street. Police said the driver was not hurt.",
        "A man was injured in a crash. ALSO: Four dead in Holyoke fire.",
    ) == [(0, 1), (0, 1)]


def test_the_names_a_memorial_lists_are_no_toll():
    assert tolls_of(
        "The memorial lists the names of 58 officers killed in the line of duty.",
        "A vigil was held Sunday for the three teenagers killed in Friday's crash.",  # the news
    ) == [(0, 0), (3, 0)]


def test_a_count_not_hurt_is_no_count_of_the_hurt_but_one_not_seriously_hurt_is():
    assert tolls_of(
        "A woman died and two children were hurt when their car was hit by a train. The train's "
        "200 passengers were not hurt.",
        "The 40 students on the bus weren't injured.",
        "The three officers were not seriously injured.",
    ) == [(1, 2), (0, 0), (0, 3)]


def test_a_count_of_the_wounded_is_a_part_of_them():
    arts = pl.DataFrame({"doc_id": ["a"], "text": [
        "The blast killed 16 people and wounded 40. Fifteen of the wounded were in critical "
        "condition. Three of the dead were children."
    ]})  # fmt: skip
    claims = extract_claims(arts, dates=False).select("quantity", "outcome", "relation").rows()
    assert claims == [
        ("16", "killed", None), ("40", "wounded", None), ("Fifteen", "wounded", "subset"),
        ("Three", "killed", "subset"),
    ]  # fmt: skip


def test_a_count_among_the_toll_is_its_part_and_the_toll_the_whole():
    arts = pl.DataFrame({"doc_id": ["a"], "text": [
        "At least 68 children were among the 126 people killed in the attack."
    ]})  # fmt: skip
    claims = extract_claims(arts, dates=False).select("quantity", "relation").rows()
    assert claims == [("At least 68", "subset"), ("126", None)]


def test_those_of_the_wounded_who_died_are_more_dead_not_a_part():
    assert tolls_of(
        "Two soldiers were killed and 11 injured. Three of the injured died the next day.",
        "One of the injured officers, Dennis Simmonds, succumbed to his injuries in April.",
    ) == [(5, 11), (1, 0)]


def test_a_tally_so_far_in_a_year_is_background():
    assert tolls_of(
        "The county has recorded 112 overdose deaths so far in 2024, the medical examiner said. "
        "A woman died of an apparent overdose Tuesday.",
    ) == [(1, 0)]


def test_kin_after_one_owns_share_the_possessive():
    assert tolls_of(
        "A man fatally shot his wife and adult son, police said.",
        "A man fatally shot his wife and son before turning the gun on himself.",
        "He killed his wife and then fled.",
    ) == [(2, 0), (3, 0), (1, 0)]


def test_people_found_with_gunshot_or_stab_wounds_are_wounded():
    assert tolls_of(
        "Police found a 17-year-old boy and a 19-year-old man with gunshot wounds on Elm Street.",
        "Officers located a woman suffering from multiple stab wounds.",
        "Police found a man unresponsive with a gunshot wound; he was pronounced dead.",
        "Officers found the body of a man with multiple gunshot wounds.",
    ) == [(0, 2), (0, 1), (1, 0), (1, 0)]


def test_others_who_survived_with_injuries_are_wounded_not_killed():
    assert tolls_of(
        "Four people were killed and two others survived with injuries when the plane crashed.",
        "Militants killed 12 soldiers and three escaped.",
        "The pilot survived the crash.",
    ) == [(4, 2), (12, 0), (0, 0)]


def test_a_range_in_number_words_is_a_range_not_their_sum():
    assert claims_of("Between five and seven soldiers were wounded.") == [
        ("Between five and seven", 5, 7, "range", "wounded")
    ]


def test_a_count_among_a_toll_in_words_is_its_part():
    arts = pl.DataFrame({"doc_id": ["a"], "text": [
        "Three children were among the five people hurt in the blaze."
    ]})  # fmt: skip
    claims = extract_claims(arts, dates=False).select("quantity", "relation").rows()
    assert claims == [("Three", "subset"), ("five", None)]


def test_two_people_wounded_named_by_singular_phrases_are_two():
    assert tolls_of(
        "The boy's mother and sister were also injured.",
        "A policeman and a protester were injured as police fired in the air.",
        "The wife and daughter of the deceased were injured.",
        "At least five people were killed, including the assailant, and an additional 10 people "
        "were injured.",
    ) == [(0, 2), (0, 2), (0, 2), (5, 10)]


def test_a_sentence_with_burns_suffered_is_read():
    assert tolls_of(
        "Four people died in the house fire, officials said. A firefighter suffered minor burns.",
    ) == [(4, 1)]


def test_and_n_others_of_the_same_harm_are_more_victims():
    assert tolls_of(
        "Three students were seriously injured and 12 others had minor injuries.",
        "One person was shot and at least 11 others were injured.",
        "2 killed 8 injured in rocket attacks. Two people were killed and eight others were "
        "injured when rockets hit the city.",
    ) == [(0, 15), (0, 12), (2, 8)]


def test_an_initial_report_the_sentence_revises_is_an_old_value():
    assert tolls_of(
        "Initial reports of 2 people killed, later reports of one person killed, 11 injured.",
        "Initial reports of 6 killed and many injured after the airstrike.",
    ) == [(1, 11), (6, 0)]


def test_one_left_dead_named_by_a_pronoun_is_one_dead():
    assert tolls_of(
        "Rivals beat Mukul with sticks, leaving him dead on the spot.",
        "Gunmen attacked the house of a border police officer, leaving him killed.",
    ) == [(1, 0), (1, 0)]


def test_an_event_a_story_comes_days_after_is_earlier():
    assert tolls_of(
        "A 19-year-old man was shot and killed Tuesday night. The shooting comes less than a week "
        "after two teenagers were wounded in a drive-by on the same block.",
        "The assault comes less than two weeks after IS killed 270 guards at a gas field.",
    ) == [(1, 0), (0, 0)]


def test_one_fatally_shot_named_by_a_pronoun_is_dead():
    assert tolls_of("He was fatally shot by police.") == [(1, 0)]


def test_a_third_person_who_died_is_one_more_dead_but_a_second_source_is_no_victim():
    assert tolls_of(
        "Two people died and three were injured in a fire early Sunday. Fire officials said a "
        "third person who was rescued from the building died at the hospital Monday.",
        "At least three people were shot by police. A second source claims 5 injured.",
    ) == [(3, 3), (0, 5)]


def test_a_tally_since_a_year_on_that_stretch_is_background():
    assert tolls_of(
        "One person was killed in a crash on Route 20. State police said 23 people have died on "
        "that stretch of highway since 2015.",
    ) == [(1, 0)]


def test_the_events_an_ordinal_one_comes_after_are_earlier():
    assert tolls_of(
        "A teenager was stabbed at a party Saturday and is expected to survive. It was the third "
        "stabbing in the city this month, after two men were killed in separate stabbings.",
    ) == [(0, 1)]


def test_one_named_killed_in_the_next_clause_is_not_of_the_shot():
    assert tolls_of(
        "An officer was shot in the leg and a suspect was killed during an exchange of gunfire.",
        "Officers found 3 people shot; one died.",
    ) == [(1, 1), (1, 2)]


def test_two_people_after_one_article_are_two_and_share_an_including():
    assert tolls_of(
        "A senior officer and soldier of the army were killed in a gunfight.",
        "The driver and conductor were killed when the bus overturned.",
        "Eleven people including a woman and child were killed in shelling.",
    ) == [(2, 0), (2, 0), (11, 0)]


def test_a_death_total_raised_is_a_new_toll():
    assert tolls_of(
        "One death, three injuries reported. In the following days the death total was raised "
        "from 1 to 4.",
    ) == [(4, 3)]


def test_people_a_crash_sent_to_hospital_are_read_and_last_weekends_shot_are_earlier():
    assert tolls_of(
        "The crash sent five people to the hospital, including two children.",
        "A 16-year-old was shot in the arm. Last weekend, four teens were shot at the same park.",
    ) == [(0, 5), (0, 1)]


def test_kidnapping_a_count_is_their_kidnapping_not_the_killing_after():
    found = claims_of("Assailants stormed a village, kidnapping 30 women and killing eight men.")
    assert found == [("30", 30, 30, "exact", "kidnapped"), ("eight", 8, 8, "exact", "killed")]


def test_murdering_stabbing_and_detaining_a_count_name_its_outcome():
    arts = pl.DataFrame({"doc_id": ["a"], "text": [
        "The gang raided the farm, murdering three workers. Police raided the house, detaining "
        "five suspects. The attacker went on a rampage, stabbing four people."
    ]})  # fmt: skip
    claims = extract_claims(arts, dates=False).select("quantity", "outcome").rows()
    assert claims == [("three", "killed"), ("five", "arrested"), ("four", "killed_or_wounded")]


def test_deaths_in_the_previous_month_are_earlier():
    assert tolls_of(
        "He raided the hospital, as five patients had died there in the previous month.",
    ) == [(0, 0)]


def test_a_count_after_a_sources_verb_is_no_part_of_an_including_before():
    arts = pl.DataFrame({"doc_id": ["a"], "text": [
        "Up to 80 fighters including nine natives of the Caucasus were destroyed the ministry said "
        "adding that another 40 fighters were killed near the town."
    ]})  # fmt: skip
    claims = extract_claims(arts, dates=False).select("quantity", "relation").rows()
    assert claims[-1] == ("40", None)


def test_injury_in_the_singular_names_the_wounded():
    assert tolls_of(
        "Two students and two police officers sustained injury.",
        "One injury was reported.",
    ) == [(0, 4), (0, 1)]


def test_her_before_an_adjective_and_a_person_noun_is_that_person():
    assert tolls_of(
        "A gunman killed his ex-wife and wounded her new husband before taking his own life.",
        "A man stabbed her multiple times.",
    ) == [(2, 1), (0, 1)]


def test_a_count_taken_to_a_named_hospital_with_injuries_is_wounded():
    assert tolls_of(
        "The driver was pronounced dead; three passengers were taken to Baystate Medical Center "
        "with serious injuries.",
        "Two women and a boy were rushed to a private hospital with bullet wounds.",
    ) == [(1, 3), (0, 3)]


def test_a_listed_count_with_a_clause_of_its_own_takes_that_clauses_outcome():
    assert tolls_of(
        "The fire displaced 12 residents, and one firefighter was treated for a minor injury.",
        "Fifty terrorists were killed and another 30 sealed off in the tunnels.",
    ) == [(0, 1), (50, 0)]


def test_people_a_count_includes_by_name_are_its_part():
    text = (
        "The blast killed six people, including journalist Maria Lopez and Omar Ali. Around "
        "twenty more, including colleague Faisal Haddad, were injured. Pirates abducted five "
        "crew members including four South Koreans. A raid killed 22, including Civilians."
    )
    arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    persons = extract_claims(arts).filter(pl.col("rule") == "person_listed")
    assert persons.select("quantity", "outcome", "relation").rows() == [
        ("Maria Lopez", "killed", "subset"),
        ("Omar Ali", "killed", "subset"),
        ("Faisal Haddad", "wounded", "subset"),
    ]
    assert tolls_of(  # parts of the counts, not more
        "The blast killed six people, including journalist Maria Lopez and Omar Ali.",
        "Twenty were injured, including colleague Faisal Haddad and Omar Ali.",
    ) == [(6, 0), (0, 20)]


def test_an_institution_is_no_one_harmed_and_its_name_may_hold_and():
    text = (
        "A student of Science and Technology University in Tangail has been killed. Former "
        "University of Florida player Elkino Watson is killed. A Presidency College official was "
        "injured."
    )
    claims = claims_in(text)
    assert claims["quantity"].to_list() == [
        "A student",
        "Elkino Watson",
        "A Presidency College official",
    ]


def test_a_bare_name_with_a_plural_verb_is_no_one_person():
    text = (
        "Earnings were hurt by the disposal of operations. Two members of the militia Lashkar "
        "were killed. Abdelke and Adnan al-Dibs were arrested on 18 July."
    )
    claims = claims_in(text)
    persons = claims.filter(pl.col("rule").str.starts_with("person_"))
    assert persons["quantity"].to_list() == ["Abdelke", "Adnan al-Dibs"]


def test_a_count_a_label_names_takes_its_outcome_and_another_labels_cell_is_none():
    assert tolls_of(
        "Dead: 12. Injured: 40.",
        "KENYA: Total Dead: 192 Americans: 12 Injured: 74",  # the Americans are of the dead
        "Police intervened. FATALITIES: 2 - DETAILS NOT SPECIFIED",
        "The ratio: 3 to 1. Two people were killed.",  # a label of no outcome
    ) == [(12, 40), (192, 74), (2, 0), (2, 0)]


def test_a_name_with_an_age_and_a_role_set_apart_is_one_person():
    text = (
        "Ujjal, 40, a bus passenger, was killed at Korimpur. Slepian, 52, an obstetrician and "
        "gynecologist, was shot through the kitchen window of his home."
    )
    claims = claims_in(text)
    assert claims.select("quantity", "outcome").rows() == [
        ("Ujjal", "killed"),
        ("Slepian", "wounded"),
    ]
