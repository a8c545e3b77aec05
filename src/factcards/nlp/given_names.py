"""Common English given names by gender, for telling "he" from "she" when the tagger or the
text says nothing else ("West … losing to Gretchen Wilson. He later commented …": not Wilson).

Names that are also common words or places ("Grace", "Mark", "Georgia", "Austin", "Jordan") are
left out on purpose: a name missing here only falls back to titles and to what the text teaches,
while a word wrongly read as a name would pin a quote or a "Who" on a thing.
"""

from __future__ import annotations

FEMALE_GIVEN_NAMES = frozenset(
    {
        "abigail", "ada", "adele", "adriana", "agatha", "aileen", "alexandra", "alicia",
        "alison", "amanda", "amy", "andrea", "angela", "anita", "annie", "antoinette",
        "beatrice", "belinda", "bernadette", "beth", "beverly", "bianca", "brenda", "bridget",
        "camilla", "carla", "carmen", "carol", "carolyn", "cassandra", "cecilia", "celia",
        "charlene", "cheryl", "christina", "christine", "claire", "claudia", "colette",
        "constance", "cynthia", "daisy", "deborah", "debra", "denise", "diana", "diane", "donna",
        "doris", "edith", "elaine", "eleanora", "elena", "elise", "ella", "eloise", "elsie",
        "emilia", "erica", "esther", "ethel", "eugenia", "eva", "evelyn", "felicity", "fiona",
        "gabriela", "gabrielle", "gertrude", "gillian", "gloria", "gretchen", "gwendolyn",
        "harriett", "heather", "helena", "henrietta", "hilda", "ingrid", "irene", "iris",
        "isabel", "jacqueline", "janet", "janice", "jean", "jeanne", "jeannette", "jennie",
        "joan", "joanna", "josephine", "joyce", "judith", "judy", "julie", "juliet", "karen",
        "katherine", "kathleen", "kathryn", "katie", "kimberly", "lena", "leonora", "lillian",
        "lisa", "lois", "lorraine", "louise", "lucia", "lucille", "mabel", "madeleine",
        "margery", "marguerite", "marie", "marion", "marjorie", "maureen", "melanie", "melissa",
        "michelle", "mildred", "miriam", "monica", "nadia", "natalie", "nellie", "nicole",
        "nora", "olga", "olivia", "pamela", "pauline", "penelope", "phyllis", "priscilla",
        "rachel", "rebecca", "regina", "rita", "roberta", "rosalind", "rosemary", "sandra",
        "sharon", "sheila", "shirley", "silvia", "simone", "sonia", "stephanie", "susanna",
        "sylvia", "teresa", "theresa", "tina", "ursula", "valerie", "vera", "veronica",
        "victoria", "vivian", "wendy", "wilhelmina", "yvonne", "zoe",
    }
)  # fmt: skip
MALE_GIVEN_NAMES = frozenset(
    {
        "aaron", "abraham", "adam", "adolf", "adrian", "alan", "alfred", "allan", "alvin",
        "ambrose", "anthony", "antonio", "archibald", "arnold", "augustus", "barnaby", "benjamin",
        "bernard", "boris", "bradley", "brian", "bruce", "carl", "cecil", "cedric", "charlie",
        "clarence", "claude", "clement", "clifford", "colin", "conrad", "cornelius", "craig",
        "cyril", "dennis", "derek", "dmitri", "donald", "douglas", "duncan", "dwight", "earl",
        "edgar", "edwin", "eric", "ernest", "eugene", "felix", "ferdinand", "francis", "frank",
        "franklin", "friedrich", "gareth", "gary", "geoffrey", "gerald", "gilbert", "giuseppe",
        "gordon", "gregory", "gustav", "harold", "harvey", "heinrich", "herbert", "herman",
        "horace", "howard", "humphrey", "ian", "isaac", "ivan", "jacob", "jeffrey", "jeremy",
        "jerome", "johann", "jonathan", "josef", "julian", "julius", "keith", "kenneth",
        "kevin", "lawrence", "leo", "leonard", "leopold", "lionel", "louis", "ludwig", "luis",
        "malcolm", "manuel", "marcus", "martin", "matthew", "maurice", "max", "michel",
        "mikhail", "morris", "nathan", "nathaniel", "neil", "nikolai", "norman", "oliver",
        "oscar", "oswald", "patrick", "percy", "pierre", "ralph", "randolph", "raymond",
        "reginald", "roger", "ronald", "rudolf", "rupert", "samuel", "sebastian", "sergei",
        "sidney", "simon", "stanley", "stephen", "steven", "theodore", "timothy", "tobias",
        "vincent", "wilfred", "wolfgang", "zachary",
    }
)  # fmt: skip
