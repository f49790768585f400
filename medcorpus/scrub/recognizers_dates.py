"""Date patterns of the scrubber: numeric, month-name and weekday shapes in any case, read-out
ordinals ("february twentieth 1978"), dates of birth and Chinese dates."""
from __future__ import annotations

import re

# any case ("12 march 2024", "MONDAY 3 JUNE"), except "may", which is a verb more often than a month
MONTHS = (r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May|MAY)")
_ORDINAL_WORD = (r"(?i:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|"
                 r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
                 r"seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
_SHORT_YEAR = r",?\s+['’]\d{2}(?!\d)"  # "Jun 19 '92", "3 Jan, '22"
# a year read out: "nineteen ninety nine", "twenty twenty-three", "nineteen oh five", "two thousand and five"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_YEAR_WORDS = (rf"(?i:(?:nineteen|twenty)[ -](?:o[h]?[ -]{_UNIT_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
               rf"eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -]{_UNIT_WORD})?|hundred)|"
               rf"two[ -]thousand(?:[ -](?:and[ -])?(?:(?:twenty)(?:[ -]{_UNIT_WORD})?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               rf"sixteen|seventeen|eighteen|nineteen|{_UNIT_WORD}))?)")
# 一九九一年, 二〇一三年 (and 民國72年, Taiwan's calendar); 十二月; 二十三日
_ZH_YEAR = r"[一二][九〇零○][〇零○一二三四五六七八九]{2}"
_ZH_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_ZH_DAY = r"(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
WEEKDAY = r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\.?"
DATE_PATTERNS = [
    # "Monday 5 March 2024", "Wed 14/01/2026", "Sunday the 8th of February", "Tuesday, November 17"
    ("weekday", re.compile(rf"(?<![A-Za-z0-9]){WEEKDAY},?\s+(?:the\s+)?(?:\d{{1,2}}(?i:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\.?"
                           rf"(?:,?\s+(?:19|20)\d{{2}})?|{MONTHS}\.?\s+\d{{1,2}}(?i:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?|"
                           rf"\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-](?:19|20)?\d{{2}})?|(?:the\s+)?\d{{1,2}}(?i:st|nd|rd|th))(?![\d:/])"), 0.85),
    # read out: "february twentieth 1978", "the fifth of july", "may 14, 2023" (a lower-case "may" only with its year)
    ("month_word_day", re.compile(rf"(?<![A-Za-z0-9]){MONTHS}\.?\s+(?:the\s+)?{_ORDINAL_WORD}(?:,?\s+(?:(?:19|20)\d{{2}}|{_YEAR_WORDS}))?\b"), 0.8),
    ("word_day_month", re.compile(rf"(?i:\bthe\s+){_ORDINAL_WORD}\s+of\s+{MONTHS}(?:,?\s+(?:(?:19|20)\d{{2}}|{_YEAR_WORDS}))?\b"), 0.8),
    # read out without "the" ("date of birth twenty first of december nineteen ninety four", "on sixth of may")
    ("word_of_month", re.compile(rf"(?<![A-Za-z-]){_ORDINAL_WORD}\s+of\s+(?:{MONTHS}|(?i:may))(?:,?\s+(?:(?:19|20)\d{{2}}|{_YEAR_WORDS}))?\b"),
     0.75),
    # a lower-case "may" between a day and a year: "15-may-67", "6 may 21", "29 may 1985" (no dose after it)
    ("day_may_year", re.compile(r"(?<![\w/.-])\d{1,2}([- ])(?i:may)\1(?:19|20)?\d{2}(?![\w/-])(?!\.\d)(?![ \t]*(?i:mg|ml|mcg|units?|tabs?)\b)"), 0.8),
    # an eight-digit date standing alone: "Dispensed 20230412", "admission 20190527" (a valid month and day)
    ("compact_bare", re.compile(r"(?<![\w/.+#-])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\w/-])(?!\.\d)"), 0.7),
    # "15th of may": an ordinal day of a lower-case "may" is the month
    ("of_may", re.compile(r"(?<![A-Za-z0-9])\d{1,2}(?i:st|nd|rd|th)\s+of\s+(?i:may)(?:,?\s+(?:19|20)\d{2})?\b"), 0.8),
    ("may_word_year", re.compile(rf"\bmay\s+(?:the\s+)?{_ORDINAL_WORD},?\s+(?:(?:19|20)\d{{2}}|{_YEAR_WORDS})\b"), 0.8),
    ("may_year", re.compile(r"\bmay\s+\d{1,2}(?i:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b"), 0.8),
    # (a day with its ordinal may stand before a colon: "received February 22nd: ...")
    ("month_day", re.compile(rf"(?<![A-Za-z0-9]){MONTHS}\.?\s+(?:\d{{1,2}}(?i:st|nd|rd|th)?|the\s+\d{{1,2}}(?i:st|nd|rd|th))(?:(?:,?\s+(?:19|20)\d{{2}}|{_SHORT_YEAR})(?!\d)|(?<=[A-Za-z])(?![A-Za-z0-9])|(?![\d:]))"), 0.8),
    # "31AUG2011", "03jan1938": day, month and year run together
    ("day_mon_year_compact", re.compile(rf"(?<![A-Za-z0-9])\d{{1,2}}{MONTHS}(?:19|20)?\d{{2}}(?![A-Za-z0-9])"), 0.8),
    ("day_month", re.compile(rf"(?<![A-Za-z0-9])(?:\d{{1,2}}(?i:st|nd|rd|th)?\s*[-–]\s*)?\d{{1,2}}(?i:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{MONTHS}\.?(?:,?\s+(?:19|20)\d{{2}}\b|{_SHORT_YEAR})?"
                             rf"(?![A-Za-z0-9])"), 0.8),
    # "arrived may 18", "on may 3rd": a lower-case "may" with a day, after a word that says a date follows
    ("may_context", re.compile(rf"(?i:\b(?:on|since|from|until|till|by|before|after|dated?|born|arrived|admitted|died|dob|"
                               rf"passed(?: away)?(?: on)?)[ \t:]+)(may\s+\d{{1,2}}(?i:st|nd|rd|th)?(?:{_SHORT_YEAR})?)(?![\d:])"), 0.75, 1),
    # "5-Mar-2024", "12/Jan/24"; a month with its year ("March 1990", "sept 2022": Safe Harbor keeps the year alone)
    ("day_mon_year", re.compile(rf"(?<![A-Za-z0-9])(?:\d{{1,2}}[-/]{MONTHS}|{MONTHS}[-/]\d{{1,2}})[-/](?:19|20)?\d{{2}}(?![\d])"), 0.85),
    # "5.III.2023": a Roman month
    ("roman_month", re.compile(r"(?<![\w.])\d{1,2}\.(?:XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)\.(?:19|20)\d{2}(?!\d)"), 0.8),
    ("month_year", re.compile(rf"(?<![A-Za-z0-9]){MONTHS}\.?,?[ \t]+(?:19|20)\d{{2}}(?![\d])"), 0.8),
    # "on 3/5", "since 12/4": a bare day/month needs a word that says it is one
    # "last seen 3/2024", "since 11/2019": a month and its year after a word that says a date follows
    ("month_year_context", re.compile(r"(?i:\b(?:on|since|from|in|seen|dated?|born|admitted|discharged|until|till|by|"
                                      r"before|after)[ \t]+)((?:0?[1-9]|1[0-2])/(?:19|20)\d{2})(?![\d/])"), 0.75, 1),
    # "seen on the 3rd": a bare ordinal after "on" (not "on the 3rd floor", "on the 2nd day")
    ("on_the_nth", re.compile(r"(?i:\bon[ \t]+)(the[ \t]+\d{1,2}(?:st|nd|rd|th))\b(?![ \t]+(?i:floor|day|time|week|dose|attempt|try|"
                              r"visit|round|cycle|level|step|tablet|pill|injection|month|year|line|page|stage|grade|place|go|one|shot))"), 0.75, 1),
    ("short_context", re.compile(r"(?i:\b(?:on|since|from|until|till|by|before|after|dated?)[ \t]+)(\d{1,2}/\d{1,2})(?![\d/])"),
     0.75, 1),
    ("compact", re.compile(r"(?i:\b(?:date|dated|dob|on|visit|seen|collected|admitted|discharged|born|received|reported|"
                           r"drawn|tested)[ \t]*[:#-]?[ \t]*)((?:19|20)\d{2}(?:0[1-9]|1[0-2])"
                           r"(?:0[1-9]|[12]\d|3[01]))(?!\d)"), 0.8, 1),
    ("numeric", re.compile(r"(?<![\d/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2})(?![\d/-])(?!\.\d)"), 0.8),
    # a month with its year: "2023年3月做的胃镜" (the year alone may stay)
    ("zh_month_year", re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?![\d日号號份])"), 0.75),
    ("zh", re.compile(rf"(?:(?:(?:19|20)?\d{{2}}|{_ZH_YEAR}|民[國国](?:\d{{2,3}}|[一二三四五六七八九十百]{{1,4}}))\s*年\s*)?(?:\d{{1,2}}|{_ZH_MONTH})\s*月\s*(?:\d{{1,2}}|{_ZH_DAY})\s*[日号號]"), 0.8),
    ("dob", re.compile(r"(?i)(?:dob|d\.o\.b\.?|date of birth|born on|birth ?date|出生日期|生日)\s*[:：-]?\s*"
                       r"((?:\d{1,4}[/.\-年]\s*\d{1,2}[/.\-月]\s*\d{1,4}日?)|(?:[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}))"), 0.9),
]
