"""Table-driven tests for the time-expression engine, one table row per expression.

Conventions asserted here (see DESIGN.md, "Time expressions: the conventions"):

* Expression extent follows TimeML TIMEX3: prepositions are NOT part of the
  expression ("on Friday" -> "Friday", "in October" -> "October", "within the
  next two months" -> "the next two months"), determiners that belong to the
  time phrase ARE ("the 1990s", "the third quarter", "The next day",
  "the past three months", "the future").
* Deictic expressions resolve against the reference (publication) date;
  anaphoric ones ("The next day", "that month") against the latest date the
  text mentioned before them (anchor_basis "text").
* Weekdays: past tense -> latest such day on or before the reference (the same
  day if it matches); future tense -> the next such day after the reference.
* Bare months (and month-day without a year): past tense -> nearest such month
  on or before the reference month (the current month counts: "in January",
  published 2025-01-24, is 2025-01); future tense -> the next such month.
* Seasons are meteorological; winter Y runs Dec Y .. Feb Y+1.
* "early/mid/late X" keep X's value and granularity, set mod, narrow the span:
  year -> Jan-Apr / May-Aug / Sep-Dec; month -> days 1-10 / 11-20 / 21-end.
* "N units ago" -> a date at the unit's granularity.
* Durations are DURATION with start/end/granularity None, unless they place
  something relative to the reference: "the past N <units>" and
  "it has been N <units> since X" are drawn (reference - N) .. reference,
  "the next N <units>" is drawn reference .. (reference + N).
* PAST_REF / PRESENT_REF / FUTURE_REF are kind DATE with no interval and no
  granularity. SETs have no interval and no granularity.
* A clock time joined to its date by "on" ("19:00 BST on 1 September") is two
  expressions, as TIMEX3 keeps prepositions out; the clock's value carries the
  date's day. Without "on" ("9 a.m. Tuesday", "06:00 tomorrow") it is one.
* TIME values: part of day "2025-01-24TNI"/"TMO", drawn as that calendar day,
  granularity "part_of_day" ("last night" is the night starting the day before).
"""
from __future__ import annotations

from datetime import date

import pytest

from extract.timex import find_timexes

REF = date(2025, 1, 24)          # Friday
REF_1998 = date(1998, 2, 6)      # Friday
REF_SUN = date(2024, 6, 30)      # Sunday


def _d(iso):
    return None if iso is None else date.fromisoformat(iso)


def _dump(spans):
    return "\n".join(
        f"  {s.text!r} [{s.char_start}:{s.char_end}] {s.kind} {s.value} "
        f"{s.start}..{s.end} {s.granularity} mod={s.mod} rule={s.rule}"
        for s in spans
    ) or "  (no spans)"


def _the_span(sentence, reference, text):
    spans = find_timexes(sentence, reference)
    matching = [s for s in spans if s.text == text]
    assert len(matching) == 1, (
        f"expected exactly one span with text {text!r} in {sentence!r}; found:\n{_dump(spans)}"
    )
    span = matching[0]
    assert sentence[span.char_start:span.char_end] == span.text, "offsets do not match text"
    return span


def P(sentence, reference, text, kind, value, start, end, granularity, *, id):
    return pytest.param(sentence, reference, text, kind, value, start, end, granularity, id=id)


# (sentence, reference, expression text, kind, value, start, end, granularity)
ROWS = [
    # --- explicit dates -------------------------------------------------------------
    P("The ceasefire was signed on January 24, 2025, in Geneva.", REF,
      "January 24, 2025", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="explicit-month-day-year"),
    P("The treaty entered into force on 24 January 2025, officials said.", REF,
      "24 January 2025", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="explicit-day-month-year"),
    P("On Dec. 25, 2023, the power plant was shelled again.", REF,
      "Dec. 25, 2023", "DATE", "2023-12-25", "2023-12-25", "2023-12-25", "day", id="explicit-abbrev-month"),
    P("The summit was held on Sept. 12, 2024, in Vladivostok.", REF,
      "Sept. 12, 2024", "DATE", "2024-09-12", "2024-09-12", "2024-09-12", "day", id="explicit-sept-abbrev"),
    P("The border was redrawn on March 3, 1998, under the accord.", REF_1998,
      "March 3, 1998", "DATE", "1998-03-03", "1998-03-03", "1998-03-03", "day", id="explicit-1998"),
    P("The report, dated 2025-01-24, was leaked to reporters.", REF,
      "2025-01-24", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="explicit-iso"),
    P("The decree signed on 1/24/2025 was published in the official gazette.", REF,
      "1/24/2025", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="explicit-us-slash"),
    P("The decree, dated 15.01.2025, was published in the gazette.", REF,
      "15.01.2025", "DATE", "2025-01-15", "2025-01-15", "2025-01-15", "day", id="explicit-dotted-day-first"),
    P("The order of 2025/01/15 was revoked.", REF,
      "2025/01/15", "DATE", "2025-01-15", "2025-01-15", "2025-01-15", "day", id="explicit-year-first-slash"),
    P("Prices rose in May, June and July, the office said.", REF,
      "June", "DATE", "2024-06", "2024-06-01", "2024-06-30", "month", id="month-in-a-list"),
    P("The hearing was adjourned to Thursday week.", REF,
      "Thursday week", "DATE", "2025-02-06", "2025-02-06", "2025-02-06", "day", id="weekday-week-british"),
    P("The council meets on Friday next.", REF,
      "Friday next", "DATE", "2025-01-31", "2025-01-31", "2025-01-31", "day", id="weekday-next-british"),
    P("The envoy arrives on Thursday next week.", REF,
      "Thursday next week", "DATE", "2025-01-30", "2025-01-30", "2025-01-30", "day", id="weekday-next-week"),
    # A verb right before a month-day governs it, however far back that is.
    P("The offensive was launched on Aug. 6, the army said.", date(2025, 4, 10),
      "Aug. 6", "DATE", "2024-08-06", "2024-08-06", "2024-08-06", "day", id="month-day-past-verb-adjacent"),
    P("In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.", date(1989, 10, 31),
      "Jan. 31", "DATE", "1989-01-31", "1989-01-31", "1989-01-31", "day", id="month-day-ended-adjacent"),
    P("The offer was extended to Nov. 20.", date(1989, 11, 2),
      "Nov. 20", "DATE", "1989-11-20", "1989-11-20", "1989-11-20", "day", id="month-day-extended-to-limit"),
    # "since" points back, however far: "since September" in June is last September.
    P("The Fed has cut rates three times since September.", date(2026, 6, 16),
      "September", "DATE", "2025-09", "2025-09-01", "2025-09-30", "month", id="since-month-past"),
    P("Since Jan. 31, more than 2,000 people have fled.", date(2026, 10, 20),
      "Jan. 31", "DATE", "2026-01-31", "2026-01-31", "2026-01-31", "day", id="since-month-day-far-past"),
    # Tense cues: an "-ed" word after a determiner is an adjective; a cue past a comma
    # belongs to another clause; "declared Tuesday a holiday" names the day; "originally
    # due" is a plan already past; "last 16" is a round; a noun "Vote" governs nothing.
    P("Infosys will announce its results on Thursday, with analysts expecting a muted outlook.",
      date(2026, 4, 15), "Thursday", "DATE", "2026-04-16", "2026-04-16", "2026-04-16", "day",
      id="tense-adjective-ed-not-past"),
    P("Nagasaki will mark the 80th anniversary of its atomic bombing on Saturday, three days after "
      "Hiroshima held its own ceremony.", date(2025, 8, 8),
      "Saturday", "DATE", "2025-08-09", "2025-08-09", "2025-08-09", "day", id="tense-cue-past-comma-weaker"),
    P("Malacañang has declared 9 January a special non-working day in the City of Manila.", date(2026, 1, 7),
      "9 January", "DATE", "2026-01-09", "2026-01-09", "2026-01-09", "day", id="tense-date-as-object"),
    P("The general election was originally due in November.", date(2024, 2, 8),
      "November", "DATE", "2023-11", "2023-11-01", "2023-11-30", "month", id="tense-originally-due-past"),
    P("Bafana Bafana will face Morocco in the Africa Cup of Nations last 16 in San Pedro on Tuesday.",
      date(2024, 1, 29), "Tuesday", "DATE", "2024-01-30", "2024-01-30", "2024-01-30", "day",
      id="tense-last-16-no-cue"),
    P("Vote counting continued on Wednesday in dozens of close races after Tuesday's elections.",
      date(2026, 11, 4), "Tuesday", "DATE", "2026-11-03", "2026-11-03", "2026-11-03", "day",
      id="tense-noun-vote-governs-nothing"),
    # 24-hour clocks with a day, and "on" between a clock and its date: two expressions,
    # the clock's value taking the date's day.
    P("A wind warning runs from 21:00 tonight until 06:00 tomorrow.", date(2022, 2, 21),
      "06:00 tomorrow", "TIME", "2022-02-22T06:00", "2022-02-22", "2022-02-22", "hour",
      id="clock-24h-deictic-day"),
    P("Polls open from 07:00 and close at 18:00.", date(2024, 4, 24),
      "07:00", "TIME", "2024-04-24T07:00", "2024-04-24", "2024-04-24", "hour", id="clock-24h-after-from"),
    P("The transfer window closes at 19:00 BST on 1 September.", date(2025, 8, 16),
      "19:00 BST", "TIME", "2025-09-01T19:00", "2025-09-01", "2025-09-01", "hour", id="clock-on-date-split-time"),
    P("The transfer window closes at 19:00 BST on 1 September.", date(2025, 8, 16),
      "1 September", "DATE", "2025-09-01", "2025-09-01", "2025-09-01", "day", id="clock-on-date-split-date"),
    P("The vessel reported an explosion at 2140 local time on Friday.", date(2026, 4, 4),
      "2140 local time", "TIME", "2026-04-03T21:40", "2026-04-03", "2026-04-03", "minute",
      id="clock-on-weekday-split-time"),
    # Compound lengths, anniversaries, British "a week on Monday", parts of a dated day.
    P("The ceremony ran for three hours and 50 minutes.", REF,
      "three hours and 50 minutes", "DURATION", "PT3H50M", None, None, None, id="compound-duration-time"),
    P("He served two years and three months in prison.", REF,
      "two years and three months", "DURATION", "P2Y3M", None, None, None, id="compound-duration-date"),
    P("Seventy years ago today, the guns fell silent along the 38th parallel.", date(2023, 7, 27),
      "Seventy years ago today", "DATE", "1953-07-27", "1953-07-27", "1953-07-27", "day", id="ago-today-anniversary"),
    P("The primary begins a week on Monday.", date(2022, 5, 29),
      "a week on Monday", "DATE", "2022-06-06", "2022-06-06", "2022-06-06", "day", id="a-week-on-monday"),
    P("Public school classes will open a week today.", date(2024, 7, 22),
      "a week today", "DATE", "2024-07-29", "2024-07-29", "2024-07-29", "day", id="a-week-today"),
    P("The attackers arrived on motorbikes on the morning of Aug. 24.", date(2024, 9, 11),
      "the morning of Aug. 24", "TIME", "2024-08-24TMO", "2024-08-24", "2024-08-24", "part_of_day",
      id="part-of-day-of-a-date"),
    P("A man was stabbed in the early hours of Sunday.", date(2023, 4, 6),
      "the early hours of Sunday", "TIME", "2023-04-02TNI", "2023-04-02", "2023-04-02", "part_of_day",
      id="early-hours-of-weekday"),
    P("Ukraine's military said its troops had repelled nine assaults overnight.", date(2024, 5, 11),
      "overnight", "TIME", "2024-05-10TNI", "2024-05-10", "2024-05-10", "part_of_day", id="overnight-last-night"),
    P("Pump prices have fallen for three straight weeks.", REF,
      "three straight weeks", "DURATION", "P3W", None, None, None, id="duration-straight"),
    P("Last trains will leave about 45 minutes earlier than usual.", REF,
      "about 45 minutes", "DURATION", "PT45M", None, None, None, id="earlier-than-is-a-length"),
    P("Putin used Monday's Victory Day parade to defend the invasion.", date(2022, 5, 10),
      "Victory Day", "DATE", "2022-05-09", "2022-05-09", "2022-05-09", "day", id="holiday-victory-day"),
    # A story set in an earlier year: days and holidays named without a year are of it.
    P("When Ukrainian troops crossed into Kursk on Aug. 6 last year, Moscow was caught off guard.",
      date(2025, 8, 6), "Aug. 6 last year", "DATE", "2024-08-06", "2024-08-06", "2024-08-06", "day",
      id="month-day-last-year"),
    P("On March 20, 2003, U.S.-led forces invaded Iraq. Baghdad fell three weeks later, and on May 1 "
      "Bush declared an end to major combat.", date(2025, 3, 20),
      "May 1", "DATE", "2003-05-01", "2003-05-01", "2003-05-01", "day", id="narrative-year-after-counted-date"),
    P("Britain left the EU on Jan. 31, 2020. By the end of that year the two sides were still haggling. "
      "A trade deal was finally struck on Christmas Eve.", date(2025, 1, 31),
      "Christmas Eve", "DATE", "2020-12-24", "2020-12-24", "2020-12-24", "day", id="narrative-year-holiday"),
    P("Lula, who governed Brazil from 2003 to 2010, won 48.4% of the vote.", date(2022, 10, 3),
      "2010", "DATE", "2010", "2010-01-01", "2010-12-31", "year", id="year-before-comma-and-won"),
    P("Jiang led China after the 1989 Tiananmen Square crackdown.", date(2022, 12, 1),
      "1989", "DATE", "1989", "1989-01-01", "1989-12-31", "year", id="year-before-square-not-address"),
    # Quarters named by their months.
    P("Inflation peaked at 7.8 per cent in the December quarter of 2022.", date(2026, 5, 11),
      "the December quarter of 2022", "DATE", "2022-Q4", "2022-10-01", "2022-12-31", "quarter",
      id="month-quarter-with-year"),
    P("Exports rose in the June quarter.", date(2026, 4, 15),
      "the June quarter", "DATE", "2025-Q2", "2025-04-01", "2025-06-30", "quarter", id="month-quarter-past-ended"),
    P("Infosys will announce its results for the January-March quarter on Thursday.", date(2026, 4, 15),
      "the January-March quarter", "DATE", "2026-Q1", "2026-01-01", "2026-03-31", "quarter",
      id="month-range-quarter-nearest"),
    P("Revenue rose 12% in the fourth quarter. Margins widened from 27% in the same quarter of 2022.",
      date(2024, 1, 30), "the same quarter of 2022", "DATE", "2022-Q4", "2022-10-01", "2022-12-31", "quarter",
      id="same-quarter-of-year"),
    # Parts of the day the text is on; vague lengths in contrasts and before relations.
    P("Jiang died on Wednesday in Shanghai. State television announced his death in the afternoon.",
      date(2022, 12, 1), "the afternoon", "TIME", "2022-11-30TAF", "2022-11-30", "2022-11-30", "part_of_day",
      id="part-of-day-of-text-day"),
    P("They met at 3 in the afternoon.", date(2000, 4, 5),
      "3 in the afternoon", "TIME", "2000-04-05T15:00", "2000-04-05", "2000-04-05", "hour", id="clock-in-the-afternoon"),
    P("Authorities closed the Acropolis between noon and 5 p.m.", date(2026, 7, 7),
      "noon", "TIME", "2026-07-07T12:00", "2026-07-07", "2026-07-07", "hour", id="noon-after-between"),
    P("Zelenskyy said a second summit could be held in months, not years.", date(2024, 6, 16),
      "years", "DURATION", "PXY", None, None, None, id="vague-duration-in-contrast"),
    P("He became party chief in June 1989, weeks after the army crushed the protests.", date(2022, 12, 1),
      "weeks", "DURATION", "PXW", None, None, None, id="vague-duration-before-after"),
    P("Councils that have moved to fortnightly bin collections warned of delays.", REF,
      "fortnightly", "SET", "P2W", None, None, None, id="set-fortnightly"),
    # "could" looks forward (not "could not", "could have", "could be located");
    # "ahead of", "between now and" point ahead; a declared day is set aside ahead.
    P("Forecasters said thunderstorms could move in on Wednesday.", date(2022, 7, 19),
      "Wednesday", "DATE", "2022-07-20", "2022-07-20", "2022-07-20", "day", id="tense-could-forward"),
    P("Neither he nor his grandparents could be located Wednesday in their hometown.", date(2000, 1, 6),
      "Wednesday", "DATE", "2000-01-05", "2000-01-05", "2000-01-05", "day", id="tense-could-be-located-past"),
    P("The attack came ahead of Tuesday, which marks four years since the invasion.", date(2026, 2, 22),
      "Tuesday", "DATE", "2026-02-24", "2026-02-24", "2026-02-24", "day", id="tense-ahead-of-forward"),
    P("Famine was projected to occur between now and May.", date(2024, 3, 19),
      "May", "DATE", "2024-05", "2024-05-01", "2024-05-31", "month", id="tense-between-now-and"),
    P("Fans poured into the streets, where the government declared Tuesday a national holiday.",
      date(2022, 12, 19), "Tuesday", "DATE", "2022-12-20", "2022-12-20", "2022-12-20", "day",
      id="tense-declared-day-ahead"),
    P("Soldiers came ashore on June 6, 1944. By the end of August that year, Paris had been liberated.",
      date(2024, 6, 6), "the end of August that year", "DATE", "1944-08", "1944-08-31", "1944-08-31", "month",
      id="month-that-year"),
    P("Relatives gathered in Amsterdam on Thursday, the 11th anniversary of the disaster.", date(2025, 7, 18),
      "Thursday", "DATE", "2025-07-17", "2025-07-17", "2025-07-17", "day", id="weekday-then-ordinal-anniversary"),
    # "a day" is a length like "two days" ("a day after the anniversary"), a rate after a count.
    P("Talks pressed on on Wednesday, a day after the anniversary of the attack.", date(2025, 10, 8),
      "a day", "DURATION", "P1D", None, None, None, id="a-day-after"),
    P("Crews worked 24 hours a day to clear the rubble.", REF,
      "a day", "SET", "P1D", None, None, None, id="a-day-rate"),
    # Scheduled present tense, a day moved ahead, and clock times on the day of the events.
    P("The Conservative party gathers in Manchester on Sunday for its conference.", date(2023, 9, 26),
      "Sunday", "DATE", "2023-10-01", "2023-10-01", "2023-10-01", "day", id="tense-present-scheduled"),
    P("The women's downhill was delayed on Tuesday. The race was rescheduled for 11:30 a.m. Wednesday.",
      date(2026, 2, 10), "11:30 a.m. Wednesday", "TIME", "2026-02-11T11:30", "2026-02-11", "2026-02-11", "minute",
      id="tense-rescheduled-for"),
    P("The dollar traded at 1.8353 marks and 141.52 yen Wednesday.", date(1989, 10, 27),
      "Wednesday", "DATE", "1989-10-25", "1989-10-25", "1989-10-25", "day", id="tense-marks-after-number-noun"),
    P("A record 56,000 runners will start the London Marathon on Sunday morning, organisers said on Saturday. "
      "The elite women's race begins at 8:30am.", date(2026, 4, 25),
      "8:30am", "TIME", "2026-04-26T08:30", "2026-04-26", "2026-04-26", "minute", id="clock-on-event-day-not-report-day"),
    P("Voters go to the polls on Thursday after the MP resigned last month. Polling stations open at 7am.",
      date(2026, 3, 22), "7am", "TIME", "2026-03-26T07:00", "2026-03-26", "2026-03-26", "hour",
      id="clock-on-last-day-named"),
    P("Heavy snow brought disruption to parts of Scotland on Sunday.", date(2026, 1, 4),
      "Sunday", "DATE", "2026-01-04", "2026-01-04", "2026-01-04", "day", id="place-then-weekday-not-newspaper"),
    P("The justices return to the bench on the first Monday in October.", date(2023, 6, 30),
      "the first Monday in October", "DATE", "2023-10-02", "2023-10-02", "2023-10-02", "day", id="nth-weekday-of-month"),
    P("The vote was held on the last Friday of March 2024.", REF,
      "the last Friday of March 2024", "DATE", "2024-03-29", "2024-03-29", "2024-03-29", "day",
      id="last-weekday-of-month-year"),
    P("A memorial service will be held in the new year.", date(2025, 10, 11),
      "the new year", "DATE", "2026", "2026-01-01", "2026-12-31", "year", id="the-new-year-late-in-year"),
    P("Perry wrote candidly about years of addiction.", REF,
      "years", "DURATION", "PXY", None, None, None, id="vague-years-of-noun"),
    P("Harvey's novel is set over a single day aboard the space station.", REF,
      "a single day", "DURATION", "P1D", None, None, None, id="a-single-day"),
    P("The plan will cut 6,000 jobs by year end.", date(1989, 10, 26),
      "year end", "DATE", "1989", "1989-12-01", "1989-12-31", "year", id="year-end-spaced-is-end-of-year"),
    P("The company expects to complete the transaction by year-end.", date(1989, 11, 2),
      "year-end", "DATE", "1989-12-31", "1989-12-31", "1989-12-31", "day", id="year-end-hyphen-is-closing-day"),
    P("In Maine, people will have to live without power for a while.", REF,
      "a while", "DURATION", "PXX", None, None, None, id="a-while-found-on-its-own"),
    # "p.m." does not end the sentence a tense is read from; scheduled events look forward.
    P("Nominations will close at 5 p.m. on Friday, the electoral commission said on Wednesday.",
      date(2026, 7, 1), "Friday", "DATE", "2026-07-03", "2026-07-03", "2026-07-03", "day",
      id="tense-across-pm-abbreviation"),
    P("Lai, who takes office on May 20, told a delegation that peace mattered.", date(2024, 1, 15),
      "May 20", "DATE", "2024-05-20", "2024-05-20", "2024-05-20", "day", id="tense-takes-office"),
    P("Peru holds general elections on Sunday with a record 35 candidates.", date(2026, 4, 7),
      "Sunday", "DATE", "2026-04-12", "2026-04-12", "2026-04-12", "day", id="tense-holds-elections"),
    P("Labour unions plan a nationwide strike on Thursday.", date(2025, 8, 27),
      "Thursday", "DATE", "2025-08-28", "2025-08-28", "2025-08-28", "day", id="tense-plan-a-strike"),
    P("The helicopter went down at about 1:30 p.m. (1000 GMT) near the town of Jolfa.", date(2024, 5, 19),
      "1000 GMT", "TIME", "2024-05-19T10:00", "2024-05-19", "2024-05-19", "hour", id="clock-bracketed-gmt"),
    # A day's event after "after", "following", "of" is past ("after winning Saturday's election").
    P("Lai said on Monday he would not bow to pressure, after winning Saturday's election.", date(2024, 1, 15),
      "Saturday", "DATE", "2024-01-13", "2024-01-13", "2024-01-13", "day", id="tense-after-days-event"),
    P("Forces will begin an exercise on Monday, following Tuesday's confrontation at sea.", date(2025, 6, 21),
      "Tuesday", "DATE", "2025-06-17", "2025-06-17", "2025-06-17", "day", id="following-days-event-not-anaphoric"),
    # Day ranges: each end an expression, as TIMEX3 has it; the first drawn over the range.
    P("In the reporting period 15–18 March, partners delivered food to 120,000 people.", date(2022, 3, 19),
      "15", "DATE", "2022-03-15", "2022-03-15", "2022-03-18", "day", id="day-range-first-end"),
    P("In the reporting period 15–18 March, partners delivered food to 120,000 people.", date(2022, 3, 19),
      "18 March", "DATE", "2022-03-18", "2022-03-18", "2022-03-18", "day", id="day-range-second-end"),
    P("The summit was held on April 24 and 25.", date(1999, 5, 10),
      "25", "DATE", "1999-04-25", "1999-04-25", "1999-04-25", "day", id="month-day-range-second-end"),
    P("Putin arrived in Pyongyang on Wednesday. The leaders were expected to sign an agreement later in the day.",
      date(2024, 6, 19), "later in the day", "DATE", "2024-06-19", "2024-06-19", "2024-06-19", "day",
      id="later-in-the-day"),
    P("The jet had been in the air for less than half an hour.", REF,
      "less than half an hour", "DURATION", "PT30M", None, None, None, id="half-an-hour"),
    P("A minute of silence was held nationwide at 9 a.m.", REF,
      "A minute", "DURATION", "PT1M", None, None, None, id="a-minute-of-silence"),
    # "over the past week" is the seven days to the reference, a length like "the past three
    # weeks"; "the previous week" (counted from the text's date) stays a calendar week.
    P("Russian forces have intensified attacks over the past week.", date(2024, 9, 9),
      "the past week", "DURATION", "P1W", "2024-09-02", "2024-09-09", None, id="the-past-week-a-stretch"),
    P("Ukrainian forces repelled 162 attacks in the past day.", date(2024, 9, 9),
      "the past day", "DURATION", "P1D", "2024-09-08", "2024-09-09", None, id="the-past-day-a-stretch"),
    P("In the week ending Sunday, WHO recorded 14 attacks on health care.", date(2025, 9, 1),
      "the week", "DATE", "2025-W35", "2025-08-25", "2025-08-31", "week", id="week-ending-weekday"),
    P("During the week ending 8 May, more than 1,100 people were vaccinated.", date(2022, 5, 15),
      "the week", "DATE", "2022-W18", "2022-05-02", "2022-05-08", "week", id="week-ending-day-month"),
    P("The S&P 500 is down about 17% year to date.", date(2025, 4, 4),
      "year to date", "DATE", "2025", "2025-01-01", "2025-04-04", "year", id="year-to-date"),
    P("Compared with the same period in 2023, this represents a decrease.", date(2024, 4, 30),
      "the same period in 2023", "DATE", "2023", "2023-01-01", "2023-12-31", "year", id="same-period-of-year-alone"),
    P("The president declared martial law on Tuesday night. Lawmakers voted shortly after 1 a.m. to lift it.",
      date(2024, 12, 4), "1 a.m.", "TIME", "2024-12-04T01:00", "2024-12-04", "2024-12-04", "hour",
      id="clock-small-hours-after-night"),
    P("The dam was breached in the early hours of Tuesday. Water began to pour through at 2:50 a.m.",
      date(2023, 6, 6), "2:50 a.m.", "TIME", "2023-06-06T02:50", "2023-06-06", "2023-06-06", "minute",
      id="clock-small-hours-of-that-day"),
    P("Ukraine's Independence Day falls on Wednesday, and officials warned of strikes.", date(2022, 8, 20),
      "Ukraine's Independence Day", "DATE", "2022-08-24", "2022-08-24", "2022-08-24", "day",
      id="holiday-a-countrys-independence-day"),
    # A fiscal year across two calendar years is named by the one it ends in.
    P("Commonwealth Bank reported a record profit for the 2022-23 financial year.", date(2023, 8, 10),
      "the 2022-23 financial year", "DATE", "2023", "2022-01-01", "2023-12-31", "year", id="split-fiscal-year"),
    P("The automaker expects to close FY2021-22 with record volumes.", date(2022, 3, 9),
      "FY2021-22", "DATE", "2022", "2021-01-01", "2022-12-31", "year", id="fy-split-notation"),
    P("The Derby will be run on Saturday. Beacons will be lit at 21:45 BST this evening.", date(2022, 6, 2),
      "21:45 BST this evening", "TIME", "2022-06-02T21:45", "2022-06-02", "2022-06-02", "minute",
      id="clock-this-evening"),
    P("The Met Office has issued yellow warnings for snow from Monday morning until Wednesday.", date(2024, 11, 17),
      "Monday morning", "TIME", "2024-11-18TMO", "2024-11-18", "2024-11-18", "part_of_day",
      id="tense-from-until-range-ahead"),
    P("The IMF and World Bank meetings run through Saturday in Washington.", date(2026, 4, 14),
      "Saturday", "DATE", "2026-04-18", "2026-04-18", "2026-04-18", "day", id="tense-runs-through-ahead"),
    P("The cuts start in May and last until the end of the year.", date(2023, 4, 3),
      "May", "DATE", "2023-05", "2023-05-01", "2023-05-31", "month", id="tense-cuts-start-in-may"),
    P("More than 8,000 civilians have been killed since February 24, 2022. Sirens sounded in Kyiv at 7 a.m.",
      date(2023, 2, 24), "7 a.m.", "TIME", "2023-02-24T07:00", "2023-02-24", "2023-02-24", "hour",
      id="clock-not-on-since-date"),
    P("The Springboks host Argentina in Saturday's Test at Ellis Park, which kicks off at 17:10.", date(2026, 9, 12),
      "17:10", "TIME", "2026-09-12T17:10", "2026-09-12", "2026-09-12", "minute", id="clock-on-days-event-same-sentence"),
    P("The strikes were retaliation for Saturday's blast on the Kerch bridge. The first explosions in Kyiv "
      "were reported at 8:18 a.m.", date(2022, 10, 10),
      "8:18 a.m.", "TIME", "2022-10-10T08:18", "2022-10-10", "2022-10-10", "minute", id="clock-not-on-earlier-event-day"),
    P("At least 40 people have been killed since fighting broke out on Saturday morning, medics said. "
      "Both sides agreed to a pause from 4 p.m.", date(2023, 4, 16),
      "4 p.m.", "TIME", "2023-04-16T16:00", "2023-04-16", "2023-04-16", "hour", id="clock-not-on-since-clause-day"),
    P("Rebels attacked the base late on Saturday, officials said on Sunday. Gunfire was heard until 3 a.m.",
      date(2024, 4, 14), "3 a.m.", "TIME", "2024-04-14T03:00", "2024-04-14", "2024-04-14", "hour",
      id="clock-small-hours-after-late-on-day"),
    P("Rebels attacked the base late Saturday. Gunfire was heard until 3 a.m.",
      date(2024, 4, 14), "3 a.m.", "TIME", "2024-04-14T03:00", "2024-04-14", "2024-04-14", "hour",
      id="clock-small-hours-after-late-day"),
    P("Rebels attacked the base on Saturday. Gunfire was heard until 3 a.m.",
      date(2024, 4, 14), "3 a.m.", "TIME", "2024-04-13T03:00", "2024-04-13", "2024-04-13", "hour",
      id="clock-small-hours-of-day"),
    # A day between "the" and a noun names an event; a day events happen on dates clock times.
    P("Troops withdrew from the town after the Jan. 19 prisoner exchange. Sirens sounded in Ashkelon at "
      "6:40 a.m.", date(2025, 2, 3),
      "6:40 a.m.", "TIME", "2025-02-03T06:40", "2025-02-03", "2025-02-03", "minute", id="clock-not-on-day-naming-event"),
    P("Troops withdrew from the town on Jan. 19 after a prisoner exchange. Sirens sounded in Ashkelon at "
      "6:40 a.m.", date(2025, 2, 3),
      "6:40 a.m.", "TIME", "2025-01-19T06:40", "2025-01-19", "2025-01-19", "minute", id="clock-on-day-events-happen"),
    # ", the ministry said" after a comma tells when it was said, not when it happens.
    P("Turkish and Azerbaijani troops will start a week of joint drills along the border near the town of "
      "Nakhchivan on Monday, the defence ministry said on Saturday.", date(2025, 6, 21),
      "Monday", "DATE", "2025-06-23", "2025-06-23", "2025-06-23", "day", id="tense-reporting-clause-after-comma"),
    P("Melbourne had its wettest start to winter on record, with 80 mm of rain falling at Olympic Park on "
      "Thursday.", date(2024, 6, 8),
      "Thursday", "DATE", "2024-06-06", "2024-06-06", "2024-06-06", "day", id="tense-noun-after-superlative"),
    P("Leaders of the G20 gather in Johannesburg on Saturday for a two-day summit.", date(2025, 11, 18),
      "Saturday", "DATE", "2025-11-22", "2025-11-22", "2025-11-22", "day", id="tense-plural-scheduled-present"),
    # "that day" goes back to the last day named, past a month named since.
    P("Figures showed on Tuesday that retail sales fell in October. The finance minister resigned that day.",
      date(2025, 11, 20), "that day", "DATE", "2025-11-18", "2025-11-18", "2025-11-18", "day",
      id="anaphora-that-day-skips-month"),
    # A clock time followed by its day, past a clock in brackets, is on that day.
    P("Aid agencies met on Tuesday. The earthquake struck at 12:50 p.m. (0620 GMT) on March 28.",
      date(2025, 4, 3), "12:50 p.m.", "TIME", "2025-03-28T12:50", "2025-03-28", "2025-03-28", "minute",
      id="clock-day-after-bracket"),
    P("Aid agencies met on Tuesday. The earthquake struck at 12:50 p.m. (0620 GMT) on March 28.",
      date(2025, 4, 3), "0620 GMT", "TIME", "2025-03-28T06:20", "2025-03-28", "2025-03-28", "minute",
      id="bracket-clock-day-after"),
    P("Troops shelled the enclave on Tuesday. A ceasefire took effect at 1 p.m. local time the following day.",
      date(2023, 9, 21), "1 p.m. local time", "TIME", "2023-09-20T13:00", "2023-09-20", "2023-09-20", "hour",
      id="clock-following-day-after"),
    # "until" after a past verb is a limit already reached; after "will stay closed", one ahead.
    P("Fighting around the airport began on Thursday and lasted until Saturday, residents said.",
      date(2024, 7, 29), "Saturday", "DATE", "2024-07-27", "2024-07-27", "2024-07-27", "day",
      id="tense-past-verb-until"),
    P("Schools in the province will stay closed until Wednesday.",
      date(2024, 7, 29), "Wednesday", "DATE", "2024-07-31", "2024-07-31", "2024-07-31", "day",
      id="tense-future-verb-until"),
    # A weekday range cannot end before it starts: the reading that holds the reference is kept.
    P("Forecasters expected heavy traffic between Tuesday and Monday.", date(2022, 11, 24),
      "Tuesday", "DATE", "2022-11-22", "2022-11-22", "2022-11-22", "day", id="weekday-range-ordered"),
    P("Forecasters expected heavy traffic between Tuesday and Monday.", date(2022, 11, 24),
      "Monday", "DATE", "2022-11-28", "2022-11-28", "2022-11-28", "day", id="weekday-range-end"),
    P("Statements were made Friday and Thursday.", date(2025, 11, 19),
      "Thursday", "DATE", "2025-11-13", "2025-11-13", "2025-11-13", "day", id="weekday-pair-not-range"),
    # "earlier in the week": the publication's week, whatever was named before.
    P("The trial was set for Oct. 23. Two of the defendants surrendered earlier in the week.", date(2023, 8, 25),
      "earlier in the week", "DATE", "2023-W34", "2023-08-21", "2023-08-27", "week", id="earlier-in-the-week"),
    P("Exports fell sharply earlier in the year, the ministry said.", date(2023, 8, 25),
      "earlier in the year", "DATE", "2023", "2023-01-01", "2023-12-31", "year", id="earlier-in-the-year"),
    # A holiday's weekend is the one nearest it; the holiday wins over "the fourth of July".
    P("At least 15 people were shot during the Fourth of July weekend.", date(2023, 7, 5),
      "the Fourth of July weekend", "DATE", "2023-W26-WE", "2023-07-01", "2023-07-02", "weekend",
      id="holiday-weekend-before-tuesday"),
    P("Millions are expected to travel over the Fourth of July weekend.", date(2025, 6, 30),
      "the Fourth of July weekend", "DATE", "2025-W27-WE", "2025-07-05", "2025-07-06", "weekend",
      id="holiday-weekend-after-friday"),
    # The day of an event whose anniversary is marked: that many years before it.
    P("Vigils were held on the third anniversary of the Feb. 24 invasion.", date(2025, 2, 25),
      "Feb. 24", "DATE", "2022-02-24", "2022-02-24", "2022-02-24", "day", id="anniversary-of-day"),
    P("Families gathered for the 25th anniversary of the Aug. 7 embassy bombings.", date(2023, 8, 3),
      "Aug. 7", "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", id="anniversary-numeric-ordinal"),
    # American holidays with their variants; "Election Day" only with its capitals.
    P("Federal offices close for Martin Luther King Jr. Day.", date(2026, 1, 12),
      "Martin Luther King Jr. Day", "DATE", "2026-01-19", "2026-01-19", "2026-01-19", "day", id="holiday-mlk-jr"),
    P("Election Day is 74 days away.", date(2024, 8, 23),
      "Election Day", "DATE", "2024-11-05", "2024-11-05", "2024-11-05", "day", id="holiday-election-day"),
    P("Retailers expect record sales on Cyber Monday.", date(2023, 11, 24),
      "Cyber Monday", "DATE", "2023-11-27", "2023-11-27", "2023-11-27", "day", id="holiday-cyber-monday"),
    # A capitalised word inside a sentence is a name, not a tense cue ("the French Open").
    P("Crowds at the French Open in June were the largest ever.", date(2024, 8, 1),
      "June", "DATE", "2024-06", "2024-06-01", "2024-06-30", "month", id="tense-capitalised-name-no-cue"),
    # A bare month after a month of an earlier year in the same sentence keeps that year.
    P("The champion won the title last August and the US Open in September.", date(2013, 7, 7),
      "September", "DATE", "2012-09", "2012-09-01", "2012-09-30", "month", id="month-narrative-year"),
    P("Relatives said he was arrested on Christmas Eve last year.", date(2014, 10, 21),
      "Christmas Eve last year", "DATE", "2013-12-24", "2013-12-24", "2013-12-24", "day",
      id="holiday-relative-year"),
    # Minutes or hours after a clock time: a clock time, past midnight if need be.
    P("The quake hit at 12:50 p.m. (0620 GMT), followed 12 minutes later by an aftershock.", date(2025, 3, 28),
      "12 minutes later", "TIME", "2025-03-28T13:02", "2025-03-28", "2025-03-28", "minute",
      id="minutes-later-after-clock"),
    P("The bomb exploded at 11 p.m. Two hours later, police sealed off the street.", date(2025, 3, 28),
      "Two hours later", "TIME", "2025-03-29T01:00", "2025-03-29", "2025-03-29", "hour",
      id="hours-later-past-midnight"),
    P("The talks began on Monday. Two hours later they broke down.", date(2025, 3, 28),
      "Two hours later", "DATE", "2025-03-24", "2025-03-24", "2025-03-24", "day", id="hours-later-after-day"),
    # A date in a clause opened by "since" lies back.
    P("Voters will choose a parliament for the first time since the president's ouster in February.",
      date(2011, 11, 25), "February", "DATE", "2011-02", "2011-02-01", "2011-02-28", "month",
      id="tense-since-clause"),
    # "noon" and "midnight" before a noun they time.
    P("Sterling rose after the noon announcement.", date(2026, 8, 6),
      "noon", "TIME", "2026-08-06T12:00", "2026-08-06", "2026-08-06", "hour", id="noon-attributive"),
    # Parts of day without "the"; what a past sentence tells is not on a day ahead.
    P("US duties will fall to 30% by May 14. The Nasdaq was up 4.4% by mid-afternoon in New York.",
      date(2025, 5, 12), "mid-afternoon", "TIME", "2025-05-12TAF", "2025-05-12", "2025-05-12", "part_of_day",
      id="part-of-day-past-not-on-day-ahead"),
    P("Gunfire was heard near the airport from early morning, residents said.", date(2025, 1, 28),
      "early morning", "TIME", "2025-01-28TMO", "2025-01-28", "2025-01-28", "part_of_day",
      id="part-of-day-early-morning"),
    P("The next rate decision is due on Jan. 27. The dollar was little changed at 10:30 a.m. in Toronto.",
      date(2026, 12, 9), "10:30 a.m.", "TIME", "2026-12-09T10:30", "2026-12-09", "2026-12-09", "minute",
      id="clock-past-not-on-day-ahead"),
    P("Retail sales grew faster than expected in October, the statistics office said.", date(2025, 11, 14),
      "October", "DATE", "2025-10", "2025-10-01", "2025-10-31", "month", id="tense-than-expected-no-plan"),
    P("Pupils return to school on Thursday after the summer break.", date(2026, 9, 8),
      "Thursday", "DATE", "2026-09-10", "2026-09-10", "2026-09-10", "day", id="tense-return-scheduled"),
    P("Thunderstorms are possible on Wednesday across the plains.", date(2025, 3, 17),
      "Wednesday", "DATE", "2025-03-19", "2025-03-19", "2025-03-19", "day", id="tense-possible-ahead"),
    P("The city prepares to welcome the runners on Sunday.", date(2025, 3, 17),
      "Sunday", "DATE", "2025-03-23", "2025-03-23", "2025-03-23", "day", id="tense-prepares-to"),
    P("The rally marked a return to the mass protests of early December.", date(2000, 1, 15),
      "early December", "DATE", "1999-12", "1999-12-01", "1999-12-10", "month", id="tense-return-noun"),
    P("The ruling pushed the trial back until at least late summer.", date(2024, 2, 29),
      "late summer", "DATE", "2024-SU", "2024-07-31", "2024-08-31", "season", id="tense-until-at-least"),
    P("Ticket sales for the Olympics in the summer gave a one-off boost to growth.", date(2012, 10, 25),
      "the summer", "DATE", "2012-SU", "2012-06-01", "2012-08-31", "season", id="the-season-after-preposition"),
    # A length named as an adjective.
    P("Visitors flock to the city's month-long festival.", date(2024, 10, 27),
      "month-long", "DURATION", "P1M", None, None, None, id="unit-long-adjective"),
    P("The treaty ended a decades-long border dispute.", date(2024, 10, 27),
      "decades-long", "DURATION", "PXY", None, None, None, id="vague-unit-long-adjective"),
    P("The swearing-in ceremony is scheduled for noon.", date(2025, 1, 20),
      "noon", "TIME", "2025-01-20T12:00", "2025-01-20", "2025-01-20", "hour", id="noon-after-for"),
    P("Markets were quiet ahead of Friday's August jobs report.", date(2025, 9, 1),
      "August", "DATE", "2025-08", "2025-08-01", "2025-08-31", "month", id="month-after-possessive-weekday"),
    # A month before a noun it modifies: the verb's tense only breaks near ties.
    P("The agency will publish its November employment report next week.", date(2025, 12, 5),
      "November", "DATE", "2025-11", "2025-11-01", "2025-11-30", "month", id="month-modifier-nearest"),
    P("Police say they have gathered enough evidence in the October killing of a doctor.", date(1999, 4, 19),
      "October", "DATE", "1998-10", "1998-10-01", "1998-10-31", "month", id="month-modifier-tense-breaks-tie"),
    P("Streets will be closed to traffic on Halloween night.", date(2024, 10, 27),
      "Halloween night", "TIME", "2024-10-31TNI", "2024-10-31", "2024-10-31", "part_of_day",
      id="holiday-part-of-day"),
    # Quarters and halves named by their months or as "final".
    P("Figures showed the economy shrank by 0.1 per cent in the final three months of 2024.", date(2025, 2, 12),
      "the final three months of 2024", "DATE", "2024-Q4", "2024-10-01", "2024-12-31", "quarter",
      id="final-three-months-of-year"),
    P("Output grew 0.3% in the first six months of the year.", date(2025, 8, 14),
      "the first six months of the year", "DATE", "2025-H1", "2025-01-01", "2025-06-30", "half",
      id="first-six-months-of-the-year"),
    P("The central bank said the economy was likely to shrink in the final quarter of the year.", date(2022, 5, 5),
      "the final quarter of the year", "DATE", "2022-Q4", "2022-10-01", "2022-12-31", "quarter",
      id="final-quarter-of-the-year"),
    P("Officials said a recovery was unlikely before the fourth quarter.", date(2023, 6, 20),
      "the fourth quarter", "DATE", "2023-Q4", "2023-10-01", "2023-12-31", "quarter", id="tense-unlikely-ahead"),
    # Weeks or months after a day: at the unit's grain, as "three weeks ago" is.
    P("U.S.-led forces invaded Iraq on March 20, 2003. Baghdad fell three weeks later.", date(2025, 3, 20),
      "three weeks later", "DATE", "2003-W15", "2003-04-07", "2003-04-13", "week", id="weeks-later-week-grain"),
    P("Admissions reached 1,420 in the week ending Jan. 3, up from 610 a month earlier.", date(2026, 1, 5),
      "a month earlier", "DATE", "2025-12", "2025-12-01", "2025-12-31", "month", id="month-earlier-month-grain"),
    # Counted from the last date at least as fine as the unit, not from a year named since.
    P("Inflation reached 138% in September, the highest since 1991, while prices rose 12.7% from a month earlier.",
      date(2023, 11, 10), "a month earlier", "DATE", "2023-08", "2023-08-01", "2023-08-31", "month",
      id="month-earlier-skips-year"),
    P("The queen died on Thursday. She came to the throne in February 1952. Only two days earlier she had "
      "appointed a new prime minister.", date(2022, 9, 9),
      "two days earlier", "DATE", "2022-09-06", "2022-09-06", "2022-09-06", "day", id="days-earlier-skips-month"),
    P("A curfew in the capital has been extended until Monday.", date(2024, 5, 18),
      "Monday", "DATE", "2024-05-20", "2024-05-20", "2024-05-20", "day", id="tense-perfect-until-ahead"),
    # A plan in the past perfect may still be ahead, or past: the nearer day.
    P("The current bailout arrangement had been due to expire on Saturday.", date(2015, 2, 25),
      "Saturday", "DATE", "2015-02-28", "2015-02-28", "2015-02-28", "day", id="past-perfect-plan-ahead"),
    P("The offer, which was extended to Nov. 16, had been due to expire Friday.", date(1989, 10, 30),
      "Friday", "DATE", "1989-10-27", "1989-10-27", "1989-10-27", "day", id="past-perfect-plan-past"),
    P("Opposition parties have called for a general strike on Tuesday.", date(2024, 6, 23),
      "Tuesday", "DATE", "2024-06-25", "2024-06-25", "2024-06-25", "day", id="tense-called-for-ahead"),
    # "on the 19th": a day of the month the text is in.
    P("The hearing was held on the 19th, the court said.", date(2025, 3, 24),
      "the 19th", "DATE", "2025-03-19", "2025-03-19", "2025-03-19", "day", id="day-of-month-past-this-month"),
    P("The hearing was held on the 19th, the court said.", date(2025, 3, 10),
      "the 19th", "DATE", "2025-02-19", "2025-02-19", "2025-02-19", "day", id="day-of-month-past-last-month"),
    P("The verdict is due on the 28th.", date(2025, 3, 24),
      "the 28th", "DATE", "2025-03-28", "2025-03-28", "2025-03-28", "day", id="day-of-month-future"),
    P("Talks resume on the 3rd of next month.", date(2025, 3, 24),
      "the 3rd of next month", "DATE", "2025-04-03", "2025-04-03", "2025-04-03", "day", id="day-of-next-month"),
    P("Rebels seized the town on March 2, 2014. On the 19th, the army retook it.", date(2025, 3, 24),
      "the 19th", "DATE", "2014-03-19", "2014-03-19", "2014-03-19", "day", id="day-of-month-anaphoric"),
    P("In May they voted for a new parliament.", REF,
      "May", "DATE", "2024-05", "2024-05-01", "2024-05-31", "month", id="may-month-before-pronoun"),
    # Vague lengths after a verb of duration, and next to the date the text is about.
    P("Rebuilding the bridge could take months, engineers said.", REF,
      "months", "DURATION", "PXM", None, None, None, id="vague-duration-after-take"),
    P("The merger follows months of twists and turns.", REF,
      "months", "DURATION", "PXM", None, None, None, id="vague-duration-after-follows"),
    P("Russia seized Crimea in March 2014. In the following weeks, rebels took Donetsk.", REF,
      "the following weeks", "DURATION", "PXW", None, None, None, id="vague-following-weeks-not-future"),
    P("Russia seized Crimea in March 2014. In the following two weeks, rebels took Donetsk.", REF,
      "the following two weeks", "DURATION", "P2W", "2014-03-31", "2014-04-14", None,
      id="following-two-weeks-from-text-date"),
    # After a modal, "one day" is the future, not a day long.
    P("Islam will one day be the second largest religion in the country.", REF,
      "one day", "DATE", "FUTURE_REF", None, None, None, id="future-one-day-after-modal"),
    P("Solar power could some day replace coal.", REF,
      "some day", "DATE", "FUTURE_REF", None, None, None, id="future-some-day-after-modal"),
    P("The delegation will stay one day in Geneva.", REF,
      "one day", "DURATION", "P1D", None, None, None, id="one-day-length-after-verb"),
    # "the year": the one reported on, a date; counted to an end or gone through, a length.
    P("For the year, pet food volume was flat.", REF,
      "the year", "DATE", "2025", "2025-01-01", "2025-12-31", "year", id="the-year-reported"),
    P("In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.", date(1989, 10, 31),
      "the fiscal year", "DURATION", "P1Y", None, None, None, id="the-year-ended-length"),
    P("Output fell throughout the year.", REF,
      "the year", "DURATION", "P1Y", None, None, None, id="the-year-throughout-length"),
    P("Net income for the quarter ended Sept. 30 fell to $4.5 million from $9 million a year earlier. "
      "Earnings will be lower for the fiscal year.", date(1989, 11, 2),
      "the fiscal year", "DATE", "1989", "1989-01-01", "1989-12-31", "year", id="the-year-not-the-year-ago"),
    P("Temperatures are forecast to drop sharply on Sunday.", REF,
      "Sunday", "DATE", "2025-01-26", "2025-01-26", "2025-01-26", "day", id="weekday-forecast-forward"),
    P("Eurozone finance ministers meet in Brussels on Monday.", REF,
      "Monday", "DATE", "2025-01-27", "2025-01-27", "2025-01-27", "day", id="weekday-plural-present-forward"),
    P("Zelenskiy will meet U.S. Secretary of State Marco Rubio in Munich on Saturday.", REF,
      "Saturday", "DATE", "2025-01-25", "2025-01-25", "2025-01-25", "day", id="weekday-after-initials-forward"),
    P("A bomb ripped through a building next to the U.S. embassy on Friday.", date(1998, 8, 9),
      "Friday", "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", id="weekday-next-to-is-no-cue"),
    P("Negotiators met in Istanbul in February and March 2022.", REF,
      "February", "DATE", "2022-02", "2022-02-01", "2022-02-28", "month", id="month-shares-next-year"),
    P("A new Russian offensive is likely in the spring, Syrskyi said.", date(2025, 2, 14),
      "the spring", "DATE", "2025-SP", "2025-03-01", "2025-05-31", "season", id="season-likely-forward"),
    P("Italians vote on Sunday in a runoff.", REF,
      "Sunday", "DATE", "2025-01-26", "2025-01-26", "2025-01-26", "day", id="weekday-present-verb-forward"),
    P("The vote on Sunday was marred by fraud, observers said.", REF,
      "Sunday", "DATE", "2025-01-19", "2025-01-19", "2025-01-19", "day", id="weekday-noun-after-determiner-past"),
    P("The president is arriving in Jerusalem on Wednesday.", REF,
      "Wednesday", "DATE", "2025-01-29", "2025-01-29", "2025-01-29", "day", id="weekday-progressive-forward"),
    P("The case will go to appeal when it is heard in May.", REF,
      "May", "DATE", "2025-05", "2025-05-01", "2025-05-31", "month", id="month-present-passive-not-past"),
    P("Talks broke down in the autumn, diplomats said.", date(2014, 7, 10),
      "the autumn", "DATE", "2013-FA", "2013-09-01", "2013-11-30", "season", id="season-irregular-past"),
    P("Neither he nor his parents could be located Wednesday in Cardenas.", REF,
      "Wednesday", "DATE", "2025-01-22", "2025-01-22", "2025-01-22", "day", id="weekday-could-is-past"),
    P("She told The New York Times on Friday that she would run.", REF,
      "Friday", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="weekday-after-newspaper"),
    P("Elections are due in October, the commission said.", REF,
      "October", "DATE", "2025-10", "2025-10-01", "2025-10-31", "month", id="month-due-forward"),
    P("The Security Council meets on Wednesday to discuss the crisis.", REF,
      "Wednesday", "DATE", "2025-01-29", "2025-01-29", "2025-01-29", "day", id="weekday-scheduled-present"),
    P("He died on Thursday the 16th, the inquest heard.", REF,
      "Thursday the 16th", "DATE", "2025-01-16", "2025-01-16", "2025-01-16", "day", id="weekday-the-day"),
    P("Police were called on the evening of Monday 13 January.", REF,
      "the evening of Monday 13 January", "TIME", "2025-01-13TEV", "2025-01-13", "2025-01-13", "part_of_day",
      id="part-of-day-weekday-date"),
    P("Nominations close at midday on Thursday 30th January.", REF,
      "midday", "TIME", "2025-01-30T12:00", "2025-01-30", "2025-01-30", "hour",
      id="clock-weekday-date"),
    P("The match was rearranged for Saturday 1 February.", REF,
      "Saturday 1 February", "DATE", "2025-02-01", "2025-02-01", "2025-02-01", "day", id="weekday-day-month"),
    P("He was arrested on Wednesday, 15 January.", REF,
      "Wednesday, 15 January", "DATE", "2025-01-15", "2025-01-15", "2025-01-15", "day",
      id="weekday-comma-day-month"),
    P("Talks resumed on Jan. 24, the foreign ministry said.", REF,
      "Jan. 24", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="month-day-no-year-today"),
    P("The strike on Dec. 30 killed four people, local officials said.", REF,
      "Dec. 30", "DATE", "2024-12-30", "2024-12-30", "2024-12-30", "day", id="month-day-no-year-past"),
    P("The referendum will take place on March 15, the commission announced.", REF,
      "March 15", "DATE", "2025-03-15", "2025-03-15", "2025-03-15", "day", id="month-day-no-year-future"),
    P("In June 2024, Putin made a rare trip to Pyongyang.", REF,
      "June 2024", "DATE", "2024-06", "2024-06-01", "2024-06-30", "month", id="month-year"),
    P("Ukraine launched its surprise incursion into Kursk in August 2024.", REF,
      "August 2024", "DATE", "2024-08", "2024-08-01", "2024-08-31", "month", id="month-year-august"),
    P("Leaders met again at the May 2024 summit in Seoul.", REF,
      "May 2024", "DATE", "2024-05", "2024-05-01", "2024-05-31", "month", id="month-year-may-attributive"),
    P("The alliance was formed after the invasion of the South in 1950.", REF,
      "1950", "DATE", "1950", "1950-01-01", "1950-12-31", "year", id="year-1950"),
    P("Arms exports rose sharply in 2024, the institute said.", REF,
      "2024", "DATE", "2024", "2024-01-01", "2024-12-31", "year", id="year-2024"),
    P("Monthly figures for 2024-11 were revised.", REF,
      "2024-11", "DATE", "2024-11", "2024-11-01", "2024-11-30", "month", id="iso-year-month"),
    P("The 1992-95 war left 100,000 dead.", REF,
      "1992-95", "DATE", "1992", "1992-01-01", "1995-12-31", "year", id="year-range-short"),
    P("The club was relegated at the end of the 2012/13 season.", REF,
      "2012/13", "DATE", "2012", "2012-01-01", "2013-12-31", "year", id="year-range-season-slash"),
    P("Fighting broke out again in the 1999-00 season of raids.", REF,
      "1999-00", "DATE", "1999", "1999-01-01", "2000-12-31", "year", id="year-range-across-century"),

    # --- clock times --------------------------------------------------------------------
    P("The ceasefire took effect at noon, the army said.", REF,
      "noon", "TIME", "2025-01-24T12:00", "2025-01-24", "2025-01-24", "hour", id="clock-noon-alone"),
    P("Shooting began around midnight.", REF,
      "around midnight", "TIME", "2025-01-24T24:00", "2025-01-24", "2025-01-24", "hour", id="clock-midnight-alone"),
    P("The decree, dated 15/01/2025, was published.", REF,
      "15/01/2025", "DATE", "2025-01-15", "2025-01-15", "2025-01-15", "day", id="explicit-day-first-slash"),
    P("The blast happened at 0800 GMT on Tuesday, police said.", REF,
      "0800 GMT", "TIME", "2025-01-21T08:00", "2025-01-21", "2025-01-21", "hour",
      id="clock-24h-zone-weekday"),
    P("A curfew begins at 2200 local time.", REF,
      "2200 local time", "TIME", "2025-01-24T22:00", "2025-01-24", "2025-01-24", "hour", id="clock-24h-local"),
    P("The markets open at 9:30 a.m. ET tomorrow.", REF,
      "9:30 a.m. ET tomorrow", "TIME", "2025-01-25T09:30", "2025-01-25", "2025-01-25", "minute",
      id="clock-zone-et-tomorrow"),
    P("The strike hit at 10 p.m. Moscow time (1900 GMT) on Monday.", REF,
      "10 p.m. Moscow time", "TIME", "2025-01-20T22:00", "2025-01-20", "2025-01-20", "hour",
      id="clock-city-time-bracket-day"),
    P("Police were called at about 4pm on 9 January.", REF,
      "about 4pm", "TIME", "2025-01-09T16:00", "2025-01-09", "2025-01-09", "hour",
      id="clock-on-day-first-date"),
    P("Talks broke up at midday.", REF,
      "midday", "TIME", "2025-01-24T12:00", "2025-01-24", "2025-01-24", "hour", id="clock-midday"),
    P("The ministry reported the strike at 23:40 Kyiv time on Thursday.", REF,
      "23:40 Kyiv time", "TIME", "2025-01-23T23:40", "2025-01-23", "2025-01-23", "minute",
      id="clock-24h-place-time-weekday"),
    P("The Kremlin said the truce would begin at midnight on May 8.", REF,
      "midnight", "TIME", "2025-05-08T24:00", "2025-05-08", "2025-05-08", "hour", id="midnight-on-date"),
    P("Talks are due to start at 14:30.", REF,
      "14:30", "TIME", "2025-01-24T14:30", "2025-01-24", "2025-01-24", "minute", id="clock-24h-colon"),
    P("The quake struck at 3:42 a.m. (1842 GMT) on Monday.", REF,
      "3:42 a.m.", "TIME", "2025-01-20T03:42", "2025-01-20", "2025-01-20", "minute",
      id="clock-day-after-bracket"),
    P("The first explosion was heard at 3:15 p.m. local time.", REF,
      "3:15 p.m. local time", "TIME", "2025-01-24T15:15", "2025-01-24", "2025-01-24", "minute", id="clock-minutes"),
    P("The curfew starts at 10pm and ends at dawn.", REF,
      "10pm", "TIME", "2025-01-24T22:00", "2025-01-24", "2025-01-24", "hour", id="clock-no-space"),
    P("Polls closed at 8:30am on Monday in the east.", REF,
      "8:30am", "TIME", "2025-01-20T08:30", "2025-01-20", "2025-01-20", "minute",
      id="clock-no-space-weekday"),

    # --- weekdays ---------------------------------------------------------------------
    P("The defence ministry said on Friday that the drills had ended.", REF,
      "Friday", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="weekday-past-same-day"),
    P("Ukrainian officials said on Wednesday that 4,000 soldiers had been killed.", REF,
      "Wednesday", "DATE", "2025-01-22", "2025-01-22", "2025-01-22", "day", id="weekday-past-wednesday"),
    P("The minister told reporters on Monday that talks had stalled.", REF,
      "Monday", "DATE", "2025-01-20", "2025-01-20", "2025-01-20", "day", id="weekday-past-monday"),
    P("The reinforcements arrived on Saturday, according to the general staff.", REF,
      "Saturday", "DATE", "2025-01-18", "2025-01-18", "2025-01-18", "day", id="weekday-past-saturday"),
    P("The envoys will meet on Monday in Geneva to resume the talks.", REF,
      "Monday", "DATE", "2025-01-27", "2025-01-27", "2025-01-27", "day", id="weekday-future-monday"),
    P("Parliament will vote on Tuesday on the new mobilisation law.", REF,
      "Tuesday", "DATE", "2025-01-28", "2025-01-28", "2025-01-28", "day", id="weekday-future-tuesday"),
    P("The rebels said on Thursday they had seized the airport.", REF_1998,
      "Thursday", "DATE", "1998-02-05", "1998-02-05", "1998-02-05", "day", id="weekday-past-1998"),
    P("The election commission said on Sunday that turnout was high.", REF_SUN,
      "Sunday", "DATE", "2024-06-30", "2024-06-30", "2024-06-30", "day", id="weekday-past-sunday-same-day"),
    P("The candidates held their final debate on Friday, organisers said.", REF_SUN,
      "Friday", "DATE", "2024-06-28", "2024-06-28", "2024-06-28", "day", id="weekday-past-from-sunday"),
    P("Negotiators will resume talks on Wednesday in Doha.", REF_SUN,
      "Wednesday", "DATE", "2024-07-03", "2024-07-03", "2024-07-03", "day", id="weekday-future-from-sunday"),

    # --- today / yesterday / tomorrow / parts of day ------------------------------------
    P("The ministry said today that the border would stay closed.", REF,
      "today", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="today"),
    P("Artillery fire was heard yesterday near the town of Sudzha.", REF,
      "yesterday", "DATE", "2025-01-23", "2025-01-23", "2025-01-23", "day", id="yesterday"),
    P("Yesterday, the rebels shelled the capital for the first time.", REF_1998,
      "Yesterday", "DATE", "1998-02-05", "1998-02-05", "1998-02-05", "day", id="yesterday-capitalised-1998"),
    P("The president will address the nation tomorrow, his office said.", REF,
      "tomorrow", "DATE", "2025-01-25", "2025-01-25", "2025-01-25", "day", id="tomorrow"),
    P("The president will address the nation tonight, his office said.", REF,
      "tonight", "TIME", "2025-01-24TNI", "2025-01-24", "2025-01-24", "part_of_day", id="tonight"),
    P("He was arrested on Jan. 20. That evening, he was charged.", REF,
      "That evening", "TIME", "2025-01-20TEV", "2025-01-20", "2025-01-20", "part_of_day",
      id="anaphoric-that-evening"),
    P("He was released on Tuesday and appeared in court the next morning.", REF,
      "the next morning", "TIME", "2025-01-22TMO", "2025-01-22", "2025-01-22", "part_of_day",
      id="anaphoric-next-morning"),
    P("The envoy will fly to Seoul next morning.", REF,
      "next morning", "TIME", "2025-01-25TMO", "2025-01-25", "2025-01-25", "part_of_day",
      id="deictic-next-morning"),
    P("Air raid sirens sounded this morning across Kyiv.", REF,
      "this morning", "TIME", "2025-01-24TMO", "2025-01-24", "2025-01-24", "part_of_day", id="this-morning"),
    P("Drones struck an oil depot last night, the governor said.", REF,
      "last night", "TIME", "2025-01-23TNI", "2025-01-23", "2025-01-23", "part_of_day", id="last-night"),

    # --- weeks, months, years relative to the reference ----------------------------------
    P("Russian forces advanced near Pokrovsk last week, analysts said.", REF,
      "last week", "DATE", "2025-W03", "2025-01-13", "2025-01-19", "week", id="last-week"),
    P("The foreign minister is visiting Beijing this week.", REF,
      "this week", "DATE", "2025-W04", "2025-01-20", "2025-01-26", "week", id="this-week"),
    P("A new round of talks is expected next week.", REF,
      "next week", "DATE", "2025-W05", "2025-01-27", "2025-02-02", "week", id="next-week"),
    P("Exports to China fell last month, customs data showed.", REF,
      "last month", "DATE", "2024-12", "2024-12-01", "2024-12-31", "month", id="last-month"),
    P("Fuel prices have risen twice this month.", REF,
      "this month", "DATE", "2025-01", "2025-01-01", "2025-01-31", "month", id="this-month"),
    P("The new sanctions take effect next month.", REF,
      "next month", "DATE", "2025-02", "2025-02-01", "2025-02-28", "month", id="next-month"),
    P("Ukraine seized part of the region in a surprise attack last year.", REF,
      "last year", "DATE", "2024", "2024-01-01", "2024-12-31", "year", id="last-year"),
    P("The economy is forecast to grow by 2 percent this year.", REF,
      "this year", "DATE", "2025", "2025-01-01", "2025-12-31", "year", id="this-year"),
    P("Elections are due to be held next year.", REF,
      "next year", "DATE", "2026", "2026-01-01", "2026-12-31", "year", id="next-year"),
    P("The rebels said inflation had doubled last year.", REF_1998,
      "last year", "DATE", "1997", "1997-01-01", "1997-12-31", "year", id="last-year-1998"),
    P("The central bank raised interest rates last month.", REF_1998,
      "last month", "DATE", "1998-01", "1998-01-01", "1998-01-31", "month", id="last-month-1998"),
    P("The general strike will begin next week, union leaders said.", REF_1998,
      "next week", "DATE", "1998-W07", "1998-02-09", "1998-02-15", "week", id="next-week-1998"),
    P("Turnout fell sharply in the first round last week.", REF_SUN,
      "last week", "DATE", "2024-W25", "2024-06-17", "2024-06-23", "week", id="last-week-from-sunday"),
    P("Campaigning was suspended this week after the attack.", REF_SUN,
      "this week", "DATE", "2024-W26", "2024-06-24", "2024-06-30", "week", id="this-week-from-sunday"),
    P("The runoff will be held next month.", REF_SUN,
      "next month", "DATE", "2024-07", "2024-07-01", "2024-07-31", "month", id="next-month-from-june"),

    # --- bare months (tense decides the direction) ---------------------------------------
    P("Putin acknowledged in October that North Korean soldiers were in Russia.", REF,
      "October", "DATE", "2024-10", "2024-10-01", "2024-10-31", "month", id="bare-month-past"),
    P("The law on foreign agents was passed in March.", REF,
      "March", "DATE", "2024-03", "2024-03-01", "2024-03-31", "month", id="bare-month-past-march"),
    P("Two soldiers were captured in January, Kyiv said.", REF,
      "January", "DATE", "2025-01", "2025-01-01", "2025-01-31", "month", id="bare-month-past-current-month"),
    P("Parliamentary elections will be held in October.", REF,
      "October", "DATE", "2025-10", "2025-10-01", "2025-10-31", "month", id="bare-month-future"),
    P("The JCS stated in December that drones would be sent.", REF,
      "December", "DATE", "2024-12", "2024-12-01", "2024-12-31", "month", id="bare-month-past-december"),
    P("Parliamentary elections will be held in October.", REF_SUN,
      "October", "DATE", "2024-10", "2024-10-01", "2024-10-31", "month", id="bare-month-future-from-june"),

    # --- the tense cues behind bare months and weekdays ---------------------------------
    P("Closing, which is expected in December, needs the regulator's approval.", REF,
      "December", "DATE", "2025-12", "2025-12-01", "2025-12-31", "month", id="tense-expected-looks-forward"),
    P("Final guidelines to be published in early November will settle the matter.", REF,
      "early November", "DATE", "2025-11", "2025-11-01", "2025-11-10", "month", id="tense-to-be-participle"),
    P("The vote would be held on a still unspecified date in March.", REF,
      "March", "DATE", "2025-03", "2025-03-01", "2025-03-31", "month", id="tense-un-adjective-not-past"),
    P("The envoy would travel to the United States on Thursday with his family.", REF,
      "Thursday", "DATE", "2025-01-30", "2025-01-30", "2025-01-30", "day", id="tense-united-not-past"),
    P("In January, a week after the anniversary of the Roe vs. Wade ruling, a bomb killed a guard.",
      date(1998, 10, 25), "January", "DATE", "1998-01", "1998-01-01", "1998-01-31", "month",
      id="tense-fronted-phrase-main-verb"),
    P("The regulator gave the bidder until mid-February to submit more information.", REF,
      "mid-February", "DATE", "2025-02", "2025-02-11", "2025-02-20", "month", id="tense-until-deadline-month"),
    P("Officials postponed until Tuesday morning any action on the permit.", REF,
      "Tuesday morning", "TIME", "2025-01-28TMO", "2025-01-28", "2025-01-28", "part_of_day",
      id="tense-until-deadline-weekday"),
    P("The foreign ministers will meet again on Friday in Vienna.", REF,
      "Friday", "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day", id="weekday-future-same-day"),
    P("The offer had been due to expire Friday evening.", REF,
      "Friday evening", "TIME", "2025-01-24TEV", "2025-01-24", "2025-01-24", "part_of_day",
      id="tense-past-perfect-plan"),
    P("The vote had been scheduled for Wednesday.", REF,
      "Wednesday", "DATE", "2025-01-22", "2025-01-22", "2025-01-22", "day",
      id="tense-past-perfect-scheduled"),
    P("The vote has been scheduled for Wednesday.", REF,
      "Wednesday", "DATE", "2025-01-29", "2025-01-29", "2025-01-29", "day",
      id="tense-present-perfect-scheduled-ahead"),
    P("Until Thursday, investigators had not named him a suspect.", REF,
      "Thursday", "DATE", "2025-01-23", "2025-01-23", "2025-01-23", "day",
      id="tense-until-fronted-not-deadline"),

    # --- seasons ----------------------------------------------------------------------
    P("The plant closed in autumn after orders dried up.", date(2013, 3, 15),
      "autumn", "DATE", "2012-FA", "2012-09-01", "2012-11-30", "season", id="season-bare-after-preposition"),
    P("Elections are planned for spring.", date(2014, 7, 10),
      "spring", "DATE", "2015-SP", "2015-03-01", "2015-05-31", "season", id="season-bare-lower-case-forward"),
    P("Their involvement in the war began last autumn.", REF,
      "last autumn", "DATE", "2024-FA", "2024-09-01", "2024-11-30", "season", id="last-autumn"),
    P("The offensive stalled last fall amid heavy rain.", REF,
      "last fall", "DATE", "2024-FA", "2024-09-01", "2024-11-30", "season", id="last-fall"),
    P("Grain exports fell last summer after the port was hit.", REF,
      "last summer", "DATE", "2024-SU", "2024-06-01", "2024-08-31", "season", id="last-summer"),
    P("A counteroffensive is widely expected this summer.", REF,
      "this summer", "DATE", "2025-SU", "2025-06-01", "2025-08-31", "season", id="this-summer"),
    P("Power cuts have been rare this winter, the grid operator said.", REF,
      "this winter", "DATE", "2024-WI", "2024-12-01", "2025-02-28", "season", id="this-winter"),
    P("The grid was badly damaged last winter.", REF,
      "last winter", "DATE", "2023-WI", "2023-12-01", "2024-02-29", "season", id="last-winter-leap"),
    P("The front line barely moved in autumn 2024.", REF,
      "autumn 2024", "DATE", "2024-FA", "2024-09-01", "2024-11-30", "season", id="season-year"),
    P("Gas supplies were cut in winter 2022.", REF,
      "winter 2022", "DATE", "2022-WI", "2022-12-01", "2023-02-28", "season", id="winter-year-starts-december"),
    P("The plant closed in early summer.", REF,
      "early summer", "DATE", "2024-SU", "2024-06-01", "2024-06-30", "season", id="early-season-past"),
    P("Production will resume in the early summer.", REF,
      "the early summer", "DATE", "2025-SU", "2025-06-01", "2025-06-30", "season", id="early-season-future"),
    P("Fighting stalled in late autumn.", date(2024, 10, 26),
      "late autumn", "DATE", "2023-FA", "2023-10-31", "2023-11-30", "season",
      id="late-season-past-not-yet-this-year"),
    P("Heavy fighting is expected to resume this summer.", REF_SUN,
      "this summer", "DATE", "2024-SU", "2024-06-01", "2024-08-31", "season", id="this-summer-in-june"),

    # --- N units ago -------------------------------------------------------------------
    P("The troops were first spotted four months ago near the border.", REF,
      "four months ago", "DATE", "2024-09", "2024-09-01", "2024-09-30", "month", id="months-ago"),
    P("The bridge was destroyed two weeks ago.", REF,
      "two weeks ago", "DATE", "2025-W02", "2025-01-06", "2025-01-12", "week", id="weeks-ago"),
    P("The prisoners were transferred to Kyiv three days ago.", REF,
      "three days ago", "DATE", "2025-01-21", "2025-01-21", "2025-01-21", "day", id="days-ago"),
    P("The treaty was ratified two years ago.", REF,
      "two years ago", "DATE", "2023", "2023-01-01", "2023-12-31", "year", id="years-ago"),
    P("The ministry raised the alert level a week ago.", REF,
      "a week ago", "DATE", "2025-W03", "2025-01-13", "2025-01-19", "week", id="a-week-ago"),
    P("The ruling party won a landslide a year ago.", REF,
      "a year ago", "DATE", "2024", "2024-01-01", "2024-12-31", "year", id="a-year-ago"),
    P("The ceasefire collapsed six months ago.", REF_1998,
      "six months ago", "DATE", "1997-08", "1997-08-01", "1997-08-31", "month", id="months-ago-1998"),

    P("Net income rose 20% from last year's quarter.", date(1989, 11, 1),
      "last year's quarter", "DATE", "1988-Q3", "1988-07-01", "1988-09-30", "quarter",
      id="last-years-quarter"),
    P("Profit rose, compared with the quarter a year ago.", date(1989, 11, 1),
      "the quarter a year ago", "DATE", "1988-Q3", "1988-07-01", "1988-09-30", "quarter",
      id="the-quarter-a-year-ago"),
    P("Net income was $5 million, compared with a year-earlier loss of $2 million.", REF,
      "year-earlier", "DATE", "2024", "2024-01-01", "2024-12-31", "year", id="year-earlier-adjective"),
    P("Profit rose in the third quarter from year-earlier levels.", REF,
      "year-earlier", "DATE", "2023-Q3", "2023-07-01", "2023-09-30", "quarter",
      id="year-earlier-adjective-reported-quarter"),
    P("Sales fell in the 2023 period. The year-ago results included a charge.", REF,
      "year-ago", "DATE", "2024", "2024-01-01", "2024-12-31", "year", id="year-ago-adjective-not-from-old-quarter"),

    # --- part-of-period phrases ------------------------------------------------------------
    P("Earlier this month, Zelenskiy announced that two soldiers had been captured.", REF,
      "Earlier this month", "DATE", "2025-01", "2025-01-01", "2025-01-24", "month", id="earlier-this-month"),
    P("The government said earlier this year that reserves were sufficient.", REF,
      "earlier this year", "DATE", "2025", "2025-01-01", "2025-01-24", "year", id="earlier-this-year"),
    P("The satellite launch is planned for later this year.", REF,
      "later this year", "DATE", "2025", "2025-01-24", "2025-12-31", "year", id="later-this-year"),
    P("The parliament is expected to vote later this month.", REF,
      "later this month", "DATE", "2025-01", "2025-01-24", "2025-01-31", "month", id="later-this-month"),
    P("The two leaders spoke by phone earlier this week.", REF,
      "earlier this week", "DATE", "2025-W04", "2025-01-20", "2025-01-24", "week", id="earlier-this-week"),
    P("Inflation slowed earlier this year, the central bank said.", REF_SUN,
      "earlier this year", "DATE", "2024", "2024-01-01", "2024-06-30", "year", id="earlier-this-year-june"),

    # --- early / mid / late ------------------------------------------------------------------
    P("The troops were deployed to Kursk in late 2024.", REF,
      "late 2024", "DATE", "2024", "2024-09-01", "2024-12-31", "year", id="late-year"),
    P("The first shipments of shells arrived in early 2024.", REF,
      "early 2024", "DATE", "2024", "2024-01-01", "2024-04-30", "year", id="early-year"),
    P("Talks on the treaty began in mid-2024.", REF,
      "mid-2024", "DATE", "2024", "2024-05-01", "2024-08-31", "year", id="mid-year"),
    P("The air strikes began in early January.", REF,
      "early January", "DATE", "2025-01", "2025-01-01", "2025-01-10", "month", id="early-month"),
    P("The envoy travelled to Moscow in mid-December.", REF,
      "mid-December", "DATE", "2024-12", "2024-12-11", "2024-12-20", "month", id="mid-month"),
    P("Fighting intensified in late October, the general staff said.", REF,
      "late October", "DATE", "2024-10", "2024-10-21", "2024-10-31", "month", id="late-month"),
    P("The offensive was halted in late February 2024.", REF,
      "late February 2024", "DATE", "2024-02", "2024-02-21", "2024-02-29", "month", id="late-month-leap-february"),

    # --- quarters and halves ------------------------------------------------------------------
    P("The company expects deliveries to resume in the third quarter.", REF,
      "the third quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30", "quarter", id="quarter-reference-year"),
    P("Ammunition output doubled in the fourth quarter of 2024.", REF,
      "the fourth quarter of 2024", "DATE", "2024-Q4", "2024-10-01", "2024-12-31", "quarter", id="quarter-of-year"),
    P("Q3 sales were weak, the firm said.", REF,
      "Q3", "DATE", "2024-Q3", "2024-07-01", "2024-09-30", "quarter", id="quarter-q-notation-no-year"),
    P("The factory reported record sales in Q2 2024.", REF,
      "Q2 2024", "DATE", "2024-Q2", "2024-04-01", "2024-06-30", "quarter", id="quarter-q-notation"),
    P("Attacks on shipping surged in the first half of 2024.", REF,
      "the first half of 2024", "DATE", "2024-H1", "2024-01-01", "2024-06-30", "half", id="half-of-year"),
    P("The plant is due to reopen in the second half of the year.", REF,
      "the second half of the year", "DATE", "2025-H2", "2025-07-01", "2025-12-31", "half", id="half-of-the-year"),

    P("Net income rose 12% in the quarter ended July 31.", REF,
      "the quarter", "DATE", "2024-Q2", "2024-04-01", "2024-06-30", "quarter", id="quarter-ended-day"),
    P("Profit was $5 million in the third quarter. A year ago, profit was $4 million. "
      "The year-earlier period included a charge.", REF,
      "The year-earlier period", "DATE", "2023-Q3", "2023-07-01", "2023-09-30", "quarter",
      id="quarter-year-earlier-after-year-ago"),
    P("The company expects a profit in the third quarter of 2025. In the year-ago period it lost money.", REF,
      "the year-ago period", "DATE", "2023-Q4", "2023-10-01", "2023-12-31", "quarter",
      id="quarter-year-ago-not-from-forecast"),
    P("Sales rose in the third quarter of 2024 from the year-ago quarter. During the quarter, it hired 50 people.",
      REF, "the quarter", "DATE", "2024-Q3", "2024-07-01", "2024-09-30", "quarter",
      id="quarter-the-quarter-is-the-reported-one"),
    P("Exports in December rose 4% from the same period last year.", REF,
      "the same period last year", "DATE", "2023-12", "2023-12-01", "2023-12-31", "month",
      id="period-year-ago-after-month"),
    P("Profit rose in the third quarter of 2024. The company said earlier this month it would sell a unit. "
      "In the year-earlier period, it earned $3 million.", REF,
      "the year-earlier period", "DATE", "2023-Q3", "2023-07-01", "2023-09-30", "quarter",
      id="period-year-ago-not-the-month-in-progress"),
    P("The economy shrank 0.6 percent in the fourth quarter of last year.", REF,
      "the fourth quarter of last year", "DATE", "2024-Q4", "2024-10-01", "2024-12-31", "quarter",
      id="quarter-of-last-year"),
    P("Exports jumped in the final quarter of 2023.", REF,
      "the final quarter of 2023", "DATE", "2023-Q4", "2023-10-01", "2023-12-31", "quarter",
      id="final-quarter-of-year"),
    P("Car sales in December fell 10 percent from the same month last year.", REF,
      "the same month last year", "DATE", "2023-12", "2023-12-01", "2023-12-31", "month",
      id="same-month-last-year"),
    P("The plant shut down in the autumn of last year.", REF,
      "the autumn of last year", "DATE", "2024-FA", "2024-09-01", "2024-11-30", "season",
      id="season-of-last-year"),
    P("Profit for the April-June period jumped 78% from a year earlier.", date(2023, 8, 14),
      "the April-June period", "DATE", "2023-Q2", "2023-04-01", "2023-06-30", "quarter", id="month-range-is-a-quarter"),
    P("Profit for the April-June period jumped 78% from a year earlier.", date(2023, 8, 14),
      "a year earlier", "DATE", "2022-Q2", "2022-04-01", "2022-06-30", "quarter", id="year-earlier-of-month-range"),
    P("Sales in the April-June quarter rose 3.1% from the previous quarter.", date(2023, 8, 14),
      "the previous quarter", "DATE", "2023-Q1", "2023-01-01", "2023-03-31", "quarter",
      id="previous-quarter-of-the-named-one"),
    P("Output fell in the January-June period.", date(2023, 8, 14),
      "the January-June period", "DATE", "2023-H1", "2023-01-01", "2023-06-30", "half", id="month-range-is-a-half"),
    P("Revenue for H1 2024 beat forecasts.", REF,
      "H1 2024", "DATE", "2024-H1", "2024-01-01", "2024-06-30", "half", id="half-h-notation"),
    P("The ministry overspent in FY2023, auditors said.", REF,
      "FY2023", "DATE", "2023", "2023-01-01", "2023-12-31", "year", id="fiscal-year-fy-notation"),
    P("The FY24 budget was cut.", REF,
      "FY24", "DATE", "2024", "2024-01-01", "2024-12-31", "year", id="fiscal-year-fy-short"),

    P("The hearing is set for the week of March 6, the court said.", date(2000, 2, 24),
      "the week of March 6", "DATE", "2000-W10", "2000-03-06", "2000-03-12", "week", id="week-of-date"),
    P("Troops massed on the border in the last week of March.", date(2000, 4, 14),
      "the last week of March", "DATE", "2000-W13", "2000-03-25", "2000-03-31", "week", id="last-week-of-month"),
    P("The talks are planned for the second week of May.", date(2000, 4, 14),
      "the second week of May", "DATE", "2000-W19", "2000-05-08", "2000-05-14", "week", id="nth-week-of-month"),
    P("Shelling resumed on the first weekend in May 2000.", date(2000, 6, 1),
      "the first weekend in May 2000", "DATE", "2000-W18-WE", "2000-05-06", "2000-05-07", "weekend",
      id="first-weekend-of-month"),
    P("Inflation peaked in the last month of 1999.", date(2000, 4, 14),
      "the last month of 1999", "DATE", "1999-12", "1999-12-01", "1999-12-31", "month", id="last-month-of-year"),
    P("Fighting flared in the first days of January.", date(2000, 4, 14),
      "the first days of January", "DATE", "2000-01", "2000-01-01", "2000-01-07", "month", id="first-days-of-month"),
    P("The day before Christmas, the guns fell silent.", REF,
      "The day before Christmas", "DATE", "2024-12-24", "2024-12-24", "2024-12-24", "day",
      id="day-before-holiday"),
    P("The day before last Tuesday's hearing, the lawyers met.", date(2000, 2, 24),
      "The day before last Tuesday", "DATE", "2000-02-21", "2000-02-21", "2000-02-21", "day",
      id="day-before-weekday"),
    P("Eight trading days after Oct. 12, the index rose.", date(1989, 10, 30),
      "Oct. 12", "DATE", "1989-10-12", "1989-10-12", "1989-10-12", "day", id="counted-days-after-date-apart"),
    P("The plane went missing on Jan. 3. Debris was found two days after that.", REF,
      "two days after that", "DATE", "2025-01-05", "2025-01-05", "2025-01-05", "day", id="days-after-that"),
    P("The minister resigned on Jan. 10. The day before, he had denied any wrongdoing.", REF,
      "The day before", "DATE", "2025-01-09", "2025-01-09", "2025-01-09", "day", id="the-day-before-anaphoric"),
    P("The treaty was ratified in 1998. The year before, talks had nearly collapsed.", REF,
      "The year before", "DATE", "1997", "1997-01-01", "1997-12-31", "year", id="the-year-before-anaphoric"),
    P("The attack came on Jan. 7. The following Saturday, the allies struck back.", REF,
      "The following Saturday", "DATE", "2025-01-11", "2025-01-11", "2025-01-11", "day",
      id="the-following-weekday"),
    P("The company will close the plant by the end of the first quarter.", REF,
      "the end of the first quarter", "DATE", "2025-Q1", "2025-03-31", "2025-03-31", "quarter",
      id="end-of-quarter-prefix"),
    P("Protests erupted in February 2011. By the end of that month, the east had fallen.", REF,
      "the end of that month", "DATE", "2011-02", "2011-02-28", "2011-02-28", "month", id="end-of-that-month"),
    P("Rebels seized the city on 2 March 2012. The army retook it on 11 March.", REF,
      "11 March", "DATE", "2012-03-11", "2012-03-11", "2012-03-11", "day", id="narrative-year"),
    P("The war began on 2 March 2012. Talks are set for March 20.", REF,
      "March 20", "DATE", "2025-03-20", "2025-03-20", "2025-03-20", "day", id="narrative-year-not-for-plans"),
    P("Troops entered the town in June 2012. By that autumn, most residents had fled.", REF,
      "that autumn", "DATE", "2012-FA", "2012-09-01", "2012-11-30", "season", id="anaphoric-that-season"),
    P("The dam broke in May 2010. The following spring, it was rebuilt.", REF,
      "The following spring", "DATE", "2011-SP", "2011-03-01", "2011-05-31", "season", id="anaphoric-following-season"),
    P("The convoy left the day before yesterday.", REF,
      "the day before yesterday", "DATE", "2025-01-22", "2025-01-22", "2025-01-22", "day",
      id="day-before-yesterday"),
    P("He returned from Washington on St Patrick's Day.", date(2013, 3, 19),
      "St Patrick's Day", "DATE", "2013-03-17", "2013-03-17", "2013-03-17", "day", id="holiday-st-patricks"),
    P("Shops were busy over the Easter weekend.", date(2013, 4, 2),
      "the Easter weekend", "DATE", "2013-W13-WE", "2013-03-30", "2013-03-31", "weekend", id="holiday-weekend"),
    P("Protesters prayed as Easter week began.", date(2000, 4, 17),
      "Easter week", "DATE", "2000-W16", "2000-04-17", "2000-04-23", "week", id="holiday-week"),

    # --- decades and centuries --------------------------------------------------------------
    P("The famine of the 1990s killed hundreds of thousands of people.", REF,
      "the 1990s", "DATE", "199", "1990-01-01", "1999-12-31", "decade", id="decade-1990s"),
    P("The missile programme dates back to the 1950s.", REF,
      "the 1950s", "DATE", "195", "1950-01-01", "1959-12-31", "decade", id="decade-1950s"),
    P("It was the deadliest famine of the 20th century, historians say.", REF,
      "the 20th century", "DATE", "19", "1900-01-01", "1999-12-31", "century", id="century-20th"),
    P("Analysts call it the first great land war of the 21st century.", REF,
      "the 21st century", "DATE", "20", "2000-01-01", "2099-12-31", "century", id="century-21st"),

    # --- the weekend, year-end: deictic, whatever the text mentioned before ----------------------
    P("The talks stalled over the weekend, officials said.", REF,
      "the weekend", "DATE", "2025-W03-WE", "2025-01-18", "2025-01-19", "weekend", id="weekend-past"),
    P("The leaders will meet at the weekend in Paris.", REF,
      "the weekend", "DATE", "2025-W04-WE", "2025-01-25", "2025-01-26", "weekend", id="weekend-future"),
    P("The index was set at 100 at the close of 1969. Shares fell 3% over the weekend.", REF,
      "the weekend", "DATE", "2025-W03-WE", "2025-01-18", "2025-01-19", "weekend", id="weekend-not-anaphoric"),
    P("The index was set at 100 at the close of 1969. It has risen 4% since year-end.", REF,
      "year-end", "DATE", "2024-12-31", "2024-12-31", "2024-12-31", "day", id="since-year-end"),
    P("The merger is expected to close by year-end.", REF,
      "year-end", "DATE", "2025-12-31", "2025-12-31", "2025-12-31", "day", id="year-end-future"),

    # --- anaphora: resolved against the latest date in the text -------------------------------
    P("The talks began on June 3, 1998. The next day, the delegations walked out.", date(1998, 6, 12),
      "The next day", "DATE", "1998-06-04", "1998-06-04", "1998-06-04", "day", id="anaphora-next-day"),
    P("The depot was hit on Nov. 21, 2024. Two days later, Russia struck again.", REF,
      "Two days later", "DATE", "2024-11-23", "2024-11-23", "2024-11-23", "day", id="anaphora-days-later"),
    P("Troops crossed into Kursk in August 2024. Fighting intensified that month.", REF,
      "that month", "DATE", "2024-08", "2024-08-01", "2024-08-31", "month", id="anaphora-that-month"),
    P("North Korea invaded the South in 1950. Seoul fell twice that year.", REF,
      "that year", "DATE", "1950", "1950-01-01", "1950-12-31", "year", id="anaphora-that-year"),
    P("The treaty was signed on June 19, 2024. The following week, parliament ratified it.", REF,
      "The following week", "DATE", "2024-W26", "2024-06-24", "2024-06-30", "week", id="anaphora-following-week"),
    P("On Jan. 10, 2025, Kyiv said two soldiers had been captured the previous day.", REF,
      "the previous day", "DATE", "2025-01-09", "2025-01-09", "2025-01-09", "day", id="anaphora-previous-day"),
    P("Shares closed at 2082 on Oct. 27, 1989, down 4.5% from the previous Friday.", date(1989, 10, 30),
      "the previous Friday", "DATE", "1989-10-20", "1989-10-20", "1989-10-20", "day",
      id="anaphora-previous-weekday"),
    P("Shares fell 4.5% from the previous Friday, traders said.", REF,
      "the previous Friday", "DATE", "2025-01-17", "2025-01-17", "2025-01-17", "day",
      id="previous-weekday-without-anchor"),
    P("The minister arrived on Wednesday. The next day, he met the president.", REF,
      "The next day", "DATE", "2025-01-23", "2025-01-23", "2025-01-23", "day", id="anaphora-after-weekday"),

    # --- PAST_REF / PRESENT_REF / FUTURE_REF -----------------------------------------------------
    P("The front line is now quiet, residents said.", REF,
      "now", "DATE", "PRESENT_REF", None, None, None, id="ref-now"),
    P("There are currently no indications of imminent activity, the JCS said.", REF,
      "currently", "DATE", "PRESENT_REF", None, None, None, id="ref-currently"),
    P("At present, no talks are planned, the ministry said.", REF,
      "present", "DATE", "PRESENT_REF", None, None, None, id="ref-at-present"),
    P("Pyongyang recently tested a new solid-fuel missile.", REF,
      "recently", "DATE", "PAST_REF", None, None, None, id="ref-recently"),
    # "previously" and "soon" are deliberately not marked: TimeBank and AQUAINT
    # annotators leave most of them out, so marking them costs precision.
    P("Shelling near the border has intensified lately, residents said.", REF,
      "lately", "DATE", "PAST_REF", None, None, None, id="ref-lately"),
    P("Seoul will consider sending weapons to Kyiv in the future.", REF,
      "the future", "DATE", "FUTURE_REF", None, None, None, id="ref-the-future"),
    P("More troops will arrive in the near future, officials said.", REF,
      "the near future", "DATE", "FUTURE_REF", None, None, None, id="ref-near-future"),

    P("Prices may fall in the near term, analysts said.", REF,
      "the near term", "DATE", "FUTURE_REF", None, None, None, id="ref-the-near-term"),

    # --- durations ------------------------------------------------------------------------------
    P("Morsi was removed on July 3, a year after he took office.", REF,
      "a year", "DURATION", "P1Y", None, None, None, id="duration-not-a-rate-after-a-date"),
    P("The first phase of the deal will last six weeks.", REF,
      "six weeks", "DURATION", "P6W", None, None, None, id="duration-after-verb-last"),
    P("Wages lost earning power in the last decade.", date(1998, 2, 6),
      "the last decade", "DATE", "198", "1980-01-01", "1989-12-31", "decade", id="the-last-decade"),
    P("Families have kept the craft alive for more than two thousand years.", REF,
      "more than two thousand years", "DURATION", "P2000Y", None, None, None, id="duration-spoken-thousands"),
    P("The siege lasted 1,000 days, the longest of the war.", REF,
      "1,000 days", "DURATION", "P1000D", None, None, None, id="duration-thousands-separator"),
    P("The company expects growth over the next couple of years.", REF,
      "the next couple of years", "DURATION", "P2Y", "2025-01-24", "2027-01-24", None,
      id="duration-next-couple"),
    P("Sales fell in two quarters of 1989.", REF,
      "two quarters", "DURATION", "P6M", None, None, None, id="duration-quarters-of-a-year"),
    P("The plant should save $500 million a year in costs.", REF,
      "a year", "SET", "P1Y", None, None, None, id="rate-a-year-is-a-set"),
    P("Qantas flies four flights a week to Bombay.", REF,
      "a week", "SET", "P1W", None, None, None, id="rate-a-week-is-a-set"),
    P("The index fell for eight trading days.", REF,
      "eight trading days", "DURATION", "P8D", None, None, None, id="duration-trading-days"),
    P("The siege of the city lasted four months.", REF,
      "four months", "DURATION", "P4M", None, None, None, id="duration-months"),
    P("The talks went on for two weeks without a result.", REF,
      "two weeks", "DURATION", "P2W", None, None, None, id="duration-weeks"),
    P("The ceasefire held for 48 hours before shelling resumed.", REF,
      "48 hours", "DURATION", "PT48H", None, None, None, id="duration-hours"),
    P("The negotiations took three days.", REF,
      "three days", "DURATION", "P3D", None, None, None, id="duration-days"),
    P("The sanctions will expire after 90 days unless renewed.", REF,
      "90 days", "DURATION", "P90D", None, None, None, id="duration-digits"),
    P("The two countries have been at odds for years.", REF,
      "years", "DURATION", "PXY", None, None, None, id="duration-unspecified-years"),
    P("Fighting around the town has continued for months.", REF,
      "months", "DURATION", "PXM", None, None, None, id="duration-unspecified-months"),
    P("The soldiers returned from a six-month deployment.", REF,
      "six-month", "DURATION", "P6M", None, None, None, id="duration-hyphenated"),
    # durations that place something relative to the reference are drawn
    P("Casualties have risen sharply in the past three months.", REF,
      "the past three months", "DURATION", "P3M", "2024-10-24", "2025-01-24", None, id="duration-past-months"),
    P("Attacks on the port have doubled over the past two weeks.", REF,
      "the past two weeks", "DURATION", "P2W", "2025-01-10", "2025-01-24", None, id="duration-past-weeks"),
    P("The currency has lost half its value in the last three years.", REF,
      "the last three years", "DURATION", "P3Y", "2022-01-24", "2025-01-24", None, id="duration-last-years"),
    P("Reinforcements are expected to arrive within the next two months.", REF,
      "the next two months", "DURATION", "P2M", "2025-01-24", "2025-03-24", None, id="duration-next-months"),
    P("A decision is expected in the next three days.", REF,
      "the next three days", "DURATION", "P3D", "2025-01-24", "2025-01-27", None, id="duration-next-days"),
    P("It has been two weeks since the ceasefire collapsed.", REF,
      "two weeks", "DURATION", "P2W", "2025-01-10", "2025-01-24", None, id="duration-since-elapsed"),

    # --- sets -------------------------------------------------------------------------------------
    P("Protesters gather in the main square every Friday.", REF,
      "every Friday", "SET", "XXXX-WXX-5", None, None, None, id="set-every-weekday"),
    P("Protesters gather in the main square every Friday night.", REF,
      "every Friday night", "SET", "XXXX-WXX-5TNI", None, None, None, id="set-every-weekday-night"),
    P("Patients take the drug once a day.", REF,
      "once a day", "SET", "P1D", None, None, None, id="set-once-a-day"),
    P("The committee meets twice a week.", REF,
      "twice a week", "SET", "P1W", None, None, None, id="set-twice-a-week"),
    P("The forum is held every spring in Boao.", REF,
      "every spring", "SET", "XXXX-SP", None, None, None, id="set-every-season"),
    P("The border market is closed on Sundays.", REF,
      "Sundays", "SET", "XXXX-WXX-7", None, None, None, id="set-plural-weekday"),
    P("Two flights leave Bombay on Tuesday nights.", REF,
      "Tuesday nights", "SET", "XXXX-WXX-2TNI", None, None, None, id="set-weekday-plural-part-of-day"),
    P("The ministry publishes casualty figures daily.", REF,
      "daily", "SET", "P1D", None, None, None, id="set-daily"),
    P("The joint exercises are held annually.", REF,
      "annually", "SET", "P1Y", None, None, None, id="set-annually"),
    P("The security council meets weekly to review the situation.", REF,
      "weekly", "SET", "P1W", None, None, None, id="set-weekly"),
    P("The price cap is reviewed every year.", REF,
      "every year", "SET", "P1Y", None, None, None, id="set-every-year"),
    P("The index is updated monthly by the statistics office.", REF,
      "monthly", "SET", "P1M", None, None, None, id="set-monthly"),
]


@pytest.mark.parametrize(
    "sentence, reference, text, kind, value, start, end, granularity", ROWS
)
def test_family(sentence, reference, text, kind, value, start, end, granularity):
    span = _the_span(sentence, reference, text)
    got = (span.kind, span.value, span.start, span.end, span.granularity)
    want = (kind, value, _d(start), _d(end), granularity)
    assert got == want, f"{text!r} in {sentence!r}"


# --- modifiers: (sentence, reference, text, mod) ------------------------------------------------
MOD_ROWS = [
    pytest.param("The troops were deployed to Kursk in late 2024.", REF, "late 2024", "late", id="late-year"),
    pytest.param("The first shipments of shells arrived in early 2024.", REF, "early 2024", "early", id="early-year"),
    pytest.param("Talks on the treaty began in mid-2024.", REF, "mid-2024", "mid", id="mid-year"),
    pytest.param("The plant closes at the end of the first quarter.", REF, "the end of the first quarter", "end",
                 id="end-of-prefix"),
    pytest.param("Troops arrived in the middle of next week.", REF, "the middle of next week", "mid",
                 id="middle-of-prefix"),
    pytest.param("The air strikes began in early January.", REF, "early January", "early", id="early-month"),
    pytest.param("The envoy travelled to Moscow in mid-December.", REF, "mid-December", "mid", id="mid-month"),
    pytest.param("Fighting intensified in late October, the general staff said.", REF, "late October", "late",
                 id="late-month"),
    pytest.param("In June 2024, Putin made a rare trip to Pyongyang.", REF, "June 2024", None, id="no-mod-month"),
    pytest.param("Their involvement in the war began last autumn.", REF, "last autumn", None, id="no-mod-season"),
    pytest.param("The ministry said today that the border would stay closed.", REF, "today", None, id="no-mod-day"),
]


@pytest.mark.parametrize("sentence, reference, text, mod", MOD_ROWS)
def test_modifier(sentence, reference, text, mod):
    assert _the_span(sentence, reference, text).mod == mod


# --- anchors: deictic vs anaphoric (sentence, reference, text, anchor ISO, anchor_basis) --------
ANCHOR_ROWS = [
    pytest.param("Russian forces advanced near Pokrovsk last week, analysts said.", REF, "last week",
                 "2025-01-24", "publication", id="deictic-last-week"),
    pytest.param("Artillery fire was heard yesterday near the town of Sudzha.", REF, "yesterday",
                 "2025-01-24", "publication", id="deictic-yesterday"),
    pytest.param("Ukrainian officials said on Wednesday that 4,000 soldiers had been killed.", REF, "Wednesday",
                 "2025-01-24", "publication", id="deictic-weekday"),
    pytest.param("The talks began on June 3, 1998. The next day, the delegations walked out.", date(1998, 6, 12),
                 "The next day", "1998-06-03", "text", id="anaphora-next-day"),
    pytest.param("The depot was hit on Nov. 21, 2024. Two days later, Russia struck again.", REF,
                 "Two days later", "2024-11-21", "text", id="anaphora-days-later"),
    pytest.param("Troops crossed into Kursk in August 2024. Fighting intensified that month.", REF,
                 "that month", "2024-08", "text", id="anaphora-that-month"),
    pytest.param("The treaty was signed on June 19, 2024. The following week, parliament ratified it.", REF,
                 "The following week", "2024-06-19", "text", id="anaphora-following-week"),
    pytest.param("The minister arrived on Wednesday. The next day, he met the president.", REF,
                 "The next day", "2025-01-22", "text", id="anaphora-after-weekday"),
]


@pytest.mark.parametrize("sentence, reference, text, anchor, basis", ANCHOR_ROWS)
def test_anchor(sentence, reference, text, anchor, basis):
    # anchor is an ISO string; a month-precision anchor may be written "2024-08" or
    # "2024-08-01", so the expected anchor is checked as a prefix.
    span = _the_span(sentence, reference, text)
    assert span.anchor_basis == basis
    assert span.anchor is not None and span.anchor.startswith(anchor), span.anchor


# --- ranges: one combined span or one span per endpoint are both fine; the days covered by
# --- the spans overlapping the range text must be exactly [start, end]. ------------------------
RANGE_ROWS = [
    pytest.param("Fighting raged from March to May, officials said.", REF, "March to May",
                 "2024-03-01", "2024-05-31", id="months-range-past"),
    pytest.param("Steel output fell between 2019 and 2021.", REF, "2019 and 2021",
                 "2019-01-01", "2021-12-31", id="years-between"),
    pytest.param("The exercises were held June 2\u20134, the navy said.", REF, "June 2\u20134",
                 "2024-06-02", "2024-06-04", id="day-range-en-dash"),
    pytest.param("The ceasefire lasted from Jan. 6 to Jan. 10.", REF, "Jan. 6 to Jan. 10",
                 "2025-01-06", "2025-01-10", id="day-range-from-to"),
    pytest.param("The Korean War was fought between 1950 and 1953.", REF, "1950 and 1953",
                 "1950-01-01", "1953-12-31", id="years-between-1950s"),
    pytest.param("GDP grew 1.2% in the October-December period.", REF, "October-December",
                 "2024-10-01", "2024-12-31", id="months-hyphen"),
    pytest.param("The snow season runs November-February.", REF, "November-February",
                 "2024-11-01", "2025-02-28", id="months-hyphen-across-new-year"),
    pytest.param("The summit was held on 20-21 January.", REF, "20-21 January",
                 "2025-01-20", "2025-01-21", id="day-first-range"),
    pytest.param("Talks were held on 4 and 5 March 2024.", REF, "4 and 5 March 2024",
                 "2024-03-04", "2024-03-05", id="day-first-pair"),
    pytest.param("The city was besieged in 1992-1995.", REF, "1992-1995",
                 "1992-01-01", "1995-12-31", id="years-dash"),
    pytest.param("He led the party in 1993–2003, then retired.", REF, "1993–2003",
                 "1993-01-01", "2003-12-31", id="years-en-dash"),
]


@pytest.mark.parametrize("sentence, reference, range_text, start, end", RANGE_ROWS)
def test_range(sentence, reference, range_text, start, end):
    spans = find_timexes(sentence, reference)
    lo = sentence.index(range_text)
    hi = lo + len(range_text)
    overlapping = [s for s in spans if s.char_start < hi and s.char_end > lo]
    assert overlapping and all(s.drawable for s in overlapping), (
        f"no drawable spans over {range_text!r}:\n{_dump(spans)}"
    )
    got = (min(s.start for s in overlapping), max(s.end for s in overlapping))
    assert got == (_d(start), _d(end)), _dump(spans)


# --- things that are not time expressions: no span may overlap the substring ------------------
NEGATIVE_ROWS = [
    pytest.param("Troops advanced during the spring offensive.", "spring", id="season-compound-noun"),
    pytest.param("Finland fought the Soviet Union in the Winter War.", "Winter", id="season-in-a-name"),
    pytest.param("Decisions will be set out in the Spring Statement.", "Spring", id="season-in-a-title"),
    pytest.param("Crowds packed the cathedral for the midnight mass.", "midnight", id="midnight-mass"),
    pytest.param("Turnout on election day was high across Kenya.", "election day", id="election-day-lower-case"),
    pytest.param("The Good Friday Agreement was signed in 1998.", "Good Friday", id="holiday-in-a-name"),
    pytest.param("Families of the Bloody Sunday victims marched.", "Sunday", id="day-of-history"),
    pytest.param("May God protect them all, the bishop said.", "May", id="may-wish-god"),
    pytest.param("A service of thanksgiving will be held at St Paul's.", "thanksgiving", id="holiday-lowercase-noun"),
    pytest.param("The Daily Mail published the letter.", "Daily", id="daily-in-a-title"),
    pytest.param("The injured man, who is in his 30s, is stable.", "30s", id="decade-as-age"),
    pytest.param("Since the fall of Avdiivka, Moscow has pressed on.", "fall", id="fall-of-a-town"),
    pytest.param("The winner will avoid a quarter-final against France.", "quarter", id="quarter-final"),
    pytest.param("The flypast was cancelled at the last minute.", "last minute", id="at-the-last-minute"),
    pytest.param('"May they rest in peace," she said.', "May", id="may-wish-pronoun"),
    pytest.param("He finished 19th in the race and lives on the 19th floor.", "19th", id="ordinal-not-day"),
    pytest.param("Madrid won 3-1 on Sunday.", "1", id="score-not-range-end"),
    pytest.param("The Swiss National Bank cut its main rate by a quarter point.", "quarter", id="quarter-point"),
    pytest.param("The Federal Reserve raised its rate by a quarter-point on Wednesday.", "quarter", id="quarter-hyphen-point"),
    pytest.param("The cyclone hit Beira with winds of up to 180 km per hour.", "per hour", id="speed-not-a-rate"),
    pytest.param("He won after the first second-round count in the island's history.", "second", id="second-round"),
    pytest.param('A referendum on the "July Charter" will be held the same day.', "July", id="quoted-month-name"),
    pytest.param("Trump said it would end what he called the 12 Day War.", "12 Day", id="war-name-with-days"),
    pytest.param("The FBI arrested him in the early hours of Thursday morning.", "hours", id="early-hours-not-a-length"),
    pytest.param("For tickets call 01 676 2000 or 1890 321 321.", "2000", id="phone-number"),
    pytest.param("Washington says Resolution 1441 gave it the authority to act.", "1441", id="resolution-number-year-like"),
    pytest.param("Flight 2012 from Denver was cancelled.", "2012", id="flight-number"),
    pytest.param("Protesters marched to 1600 Pennsylvania Avenue.", "1600", id="street-address"),
    pytest.param("The Sunday Times reported that the minister would resign.", "Sunday", id="newspaper-sunday-times"),
    pytest.param("The Mail on Sunday said the deal was worth 1.2 billion pounds.", "Sunday", id="newspaper-mail-on-sunday"),
    pytest.param("Villagers fetch water from a spring in the hills.", "spring", id="spring-water"),
    pytest.param("The patch moves the app to version 1.2.2013.5 tomorrow.", "1.2.2013.5", id="version-number"),
    pytest.param("The envoy will present the plan to parliament.", "present", id="present-verb"),
    pytest.param("The H1N1 virus spread quickly.", "H1N1", id="virus-name"),
    pytest.param("North Korea has sent 12, 000 soldiers to Russia.", "12, 000", id="spaced-thousands"),
    pytest.param("About 4, 000 of the up to 12, 000 soldiers were killed or wounded.", "4, 000",
                 id="spaced-thousands-about"),
    pytest.param("About 4, 000 of the up to 12, 000 soldiers were killed or wounded.", "12, 000",
                 id="spaced-thousands-up-to"),
    pytest.param("Ukraine still holds the 984 square kilometres it seized.", "984", id="area"),
    pytest.param("Bread now costs $27 a loaf in the besieged city.", "$27", id="money"),
    pytest.param("Some 1,500 troops were moved to the border.", "1,500", id="troops-count"),
    pytest.param("Over 3,000 of these soldiers have been killed or injured.", "3,000", id="casualty-count"),
    pytest.param("North Korea has deployed approximately 11,000 soldiers.", "11,000", id="deployment-count"),
    pytest.param("The poll of 1,024 adults was conducted by phone.", "1,024", id="sample-size"),
    pytest.param("UN Security Council Resolution 2397 tightened the sanctions.", "2397", id="resolution-number"),
    pytest.param("The North supplied KN-23 short-range ballistic missiles.", "KN-23", id="missile-name"),
    pytest.param("Soldiers of the 47th Mechanized Brigade repelled the attack.", "47th", id="ordinal-unit"),
    pytest.param("Kyiv has asked for more F-16 fighter jets.", "F-16", id="aircraft-name"),
    pytest.param("He won 52% of the vote in the first round.", "52%", id="percentage"),
    pytest.param("Pyongyang may send more troops to Kursk.", "may", id="may-modal-verb"),
    pytest.param("Thousands march on the capital to demand reform.", "march", id="march-verb"),
    pytest.param("Theresa May said the vote would go ahead.", "May", id="theresa-may"),
    pytest.param("Exporters suffered a sharp fall in prices.", "fall", id="fall-noun"),
    pytest.param("The second round of talks collapsed.", "second", id="second-ordinal"),
    pytest.param("Russia and North Korea once more refrained from confirming the deployment.", "once more",
                 id="once-more"),
    pytest.param("Both Moscow and Pyongyang initially downplayed the reports.", "initially", id="initially"),
    pytest.param("It was the first instance of Ukraine taking soldiers alive.", "first", id="first-instance"),
    pytest.param("Iraq imports about three-quarters of its food.", "three-quarters", id="share-of"),
    pytest.param("Protesters gathered at the annual March for Life.", "March", id="march-for-name"),
    pytest.param("She led the March of the Combatant Mothers.", "March", id="march-of-name"),
]


@pytest.mark.parametrize("sentence, substring", NEGATIVE_ROWS)
def test_not_a_timex(sentence, substring):
    spans = find_timexes(sentence, REF)
    lo = sentence.index(substring)
    hi = lo + len(substring)
    overlapping = [s for s in spans if s.char_start < hi and s.char_end > lo]
    assert not overlapping, f"{substring!r} is not a time expression:\n{_dump(overlapping)}"


# --- languages without rule tables: explicit dates through dateparser ---------------------------
@pytest.mark.parametrize("text, language, expected", [
    ("Le 24 janvier 2025, l'armée a parlé.", "fr", [("24 janvier 2025", "2025-01-24", "2025-01-24", "2025-01-24", "day")]),
    ("Die Armee meldete am 3. März 2024 neue Truppen.", "de", [("3. März 2024", "2024-03-03", "2024-03-03", "2024-03-03", "day")]),
], ids=["french-day", "german-day"])
def test_foreign_explicit_dates(text, language, expected):
    spans = find_timexes(text, date(2025, 1, 24), language=language)
    got = [(s.text, s.value, s.start.isoformat(), s.end.isoformat(), s.granularity) for s in spans]
    assert got == expected
    for span in spans:
        assert text[span.char_start:span.char_end] == span.text


def test_a_date_before_the_calendar_is_dropped_not_raised():
    """Python's dates start in year 1: "three thousand years ago" cannot be drawn, and
    must not stop the article's other expressions from being found."""
    spans = find_timexes("The city was founded three thousand years ago. It fell in 1204.", REF)
    assert [(s.text, s.value) for s in spans] == [("1204", "1204")]


def test_unknown_language_is_a_clear_error():
    with pytest.raises(LookupError, match="xx"):
        find_timexes("Some text 2024.", date(2025, 1, 24), language="xx")


def test_bracketed_gmt_is_that_time_not_a_year():
    """"3:42 a.m. (1842 GMT)": the bracket gives the time in GMT, a TIME of its own."""
    sentence = "The quake struck at 3:42 a.m. (1842 GMT) on Monday."
    span = _the_span(sentence, REF, "1842 GMT")
    assert (span.kind, span.value[-6:]) == ("TIME", "T18:42")
