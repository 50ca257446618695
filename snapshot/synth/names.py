"""Synthetic Korean names, organisation names and their romanised slugs (11_data_model.md §8.10).

Coined words only: no real person, customer or company name. Organisation prefixes never contain
`원`, `청` or `대학`, so only public bodies and universities carry those (the size fallback reads names).
"""
from __future__ import annotations

import random

from snapshot.synth.rng import choice, randint, table_choice

SURNAMES = (("김", "kim", 21), ("이", "lee", 14.7), ("박", "park", 8.4), ("최", "choi", 4.7), ("정", "jung", 4.3),
            ("강", "kang", 2.4), ("조", "cho", 2.1), ("윤", "yoon", 2.1), ("장", "jang", 2.0), ("임", "lim", 1.7),
            ("한", "han", 1.5), ("오", "oh", 1.5), ("서", "seo", 1.5), ("신", "shin", 1.4), ("권", "kwon", 1.4),
            ("황", "hwang", 1.4), ("안", "ahn", 1.3), ("송", "song", 1.3), ("전", "jeon", 1.1), ("홍", "hong", 1.1),
            ("유", "yoo", 1.1), ("고", "ko", 0.9), ("문", "moon", 0.9), ("양", "yang", 0.8), ("손", "son", 0.8),
            ("배", "bae", 0.8), ("백", "baek", 0.7), ("허", "heo", 0.6), ("남", "nam", 0.5), ("노", "noh", 0.5),
            ("남궁", "namgung", 0.05), ("선우", "sunwoo", 0.05), ("제갈", "jegal", 0.03), ("황보", "hwangbo", 0.03))
GIVEN_SYLLABLES = (("서", "seo"), ("하", "ha"), ("지", "ji"), ("안", "an"), ("유", "yu"), ("진", "jin"), ("민", "min"),
                   ("결", "gyeol"), ("예", "ye"), ("솔", "sol"), ("시", "si"), ("온", "on"), ("태", "tae"), ("오", "o"),
                   ("채", "chae"), ("아", "a"), ("도", "do"), ("겸", "gyeom"), ("율", "yul"), ("은", "eun"), ("호", "ho"),
                   ("소", "so"), ("담", "dam"), ("우", "u"), ("림", "rim"), ("나", "na"), ("래", "rae"), ("린", "rin"),
                   ("다", "da"), ("현", "hyeon"), ("윤", "yun"), ("후", "hu"), ("재", "jae"), ("가", "ga"), ("연", "yeon"),
                   ("수", "su"), ("빈", "bin"), ("주", "ju"), ("준", "jun"), ("경", "gyeong"), ("혜", "hye"), ("건", "geon"))

# Organisation name parts (prefix = first + second), each with its romanisation.
FIRST_PARTS = (("가람", "garam"), ("누리", "nuri"), ("다온", "daon"), ("라온", "raon"), ("미르", "mir"), ("바람", "baram"),
               ("새온", "saeon"), ("아람", "aram"), ("예담", "yedam"), ("하늬", "hanui"), ("한울", "hanul"), ("온새", "onsae"),
               ("해랑", "haerang"), ("도담", "dodam"), ("새봄", "saebom"), ("채움", "chaeum"), ("바른", "bareun"),
               ("다솜", "dasom"), ("하람", "haram"), ("아라", "ara"), ("가온", "gaon"), ("누리샘", "nurisaem"), ("별하", "byeolha"),
               ("시나", "sina"), ("여울", "yeoul"), ("이든", "ideun"), ("라니", "rani"), ("미리", "miri"), ("보람", "boram"),
               ("소담", "sodam"), ("슬기", "seulgi"), ("아름", "areum"), ("예솔", "yesol"), ("초롱", "chorong"), ("푸르", "pureu"),
               ("하랑", "harang"), ("해솔", "haesol"), ("햇살", "haetsal"), ("나래", "narae"), ("단비", "danbi"))
SECOND_PARTS = (("빛", "bit"), ("솔", "sol"), ("결", "gyeol"), ("샘", "saem"), ("꽃", "kkot"), ("길", "gil"), ("들", "deul"),
                ("온", "on"), ("누리", "nuri"), ("하늘", "haneul"), ("바다", "bada"), ("미", "mi"), ("가온", "gaon"),
                ("마루", "maru"), ("나무", "namu"), ("별", "byeol"), ("숲", "sup"), ("내", "nae"), ("뜰", "tteul"), ("새", "sae"),
                ("터", "teo"), ("봄", "bom"), ("솜", "som"), ("결하", "gyeolha"), ("다미", "dami"), ("노을", "noeul"),
                ("비", "bi"), ("해", "hae"), ("달", "dal"), ("구름", "gureum"), ("바위", "bawi"), ("이음", "ieum"),
                ("모아", "moa"), ("아이", "ai"), ("누리온", "nurion"), ("품", "pum"), ("담", "dam"), ("채", "chae"),
                ("사랑", "sarang"), ("빛나", "bitna"))
COMPANY_SUFFIXES = ("전자", "화학", "증권", "생명", "손해보험", "캐피탈", "금융지주", "제약", "바이오", "건설", "물산", "유통",
                    "푸드", "모빌리티", "소프트", "테크", "네트웍스", "에너지", "로지스", "식품")
PUBLIC_PATTERNS = ("한국{p}진흥원", "{p}공단", "{p}공사", "{p}재단", "{p}협회", "{p}연구원")


def person_name(r: random.Random) -> tuple[str, str]:
    """(Hangul name, romanised name) — a weighted surname plus two syllables."""
    surname = table_choice(r, [((s, rom), w) for s, rom, w in SURNAMES])
    a, b = choice(r, GIVEN_SYLLABLES), choice(r, GIVEN_SYLLABLES)
    return surname[0] + a[0] + b[0], surname[1] + a[1] + b[1]


def org_prefix(r: random.Random, parts: int = 2) -> tuple[str, str]:
    """(prefix, slug) from the fixed part lists; `parts=3` adds a second second-part (more distinct names)."""
    first = choice(r, FIRST_PARTS)
    seconds = [choice(r, SECOND_PARTS) for _ in range(parts - 1)]
    return first[0] + "".join(s[0] for s in seconds), first[1] + "".join(s[1] for s in seconds)


def org_name(r: random.Random, size: str | None, suffixes: tuple[str, ...], parts: int = 2) -> tuple[str, str]:
    """(name, slug) consistent with the size class: public keyword, `대학교`, or a company suffix."""
    prefix, slug = org_prefix(r, parts)
    if size == "공공기관":
        return choice(r, PUBLIC_PATTERNS).format(p=prefix), slug
    if size == "대학교":
        return prefix + "대학교", slug
    return prefix + choice(r, suffixes or COMPANY_SUFFIXES), slug


def mobile_phone(r: random.Random) -> str:
    """`0100xxxxxxx` (60 %) or `010-0xxx-xxxx`: a middle block starting with 0 is never assigned."""
    middle, last = randint(r, 0, 999), randint(r, 0, 9999)
    if r.random() < 0.6:
        return f"0100{middle:03d}{last:04d}"
    return f"010-0{middle:03d}-{last:04d}"


def company_phone(r: random.Random) -> str:
    return f"02-0{randint(r, 0, 999):03d}-{randint(r, 0, 9999):04d}"
