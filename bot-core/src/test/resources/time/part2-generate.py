# Generates bot-core/src/test/resources/time/part2.tsv (run from the repository root): expected answers computed here from the
# rules of TIME-PHRASES.md Part 2 with Python's zoneinfo, independently of the Java resolver.
from datetime import datetime, date, time, timedelta, timezone
from zoneinfo import ZoneInfo
import calendar

UTC = timezone.utc
rows = []
WD_FR = ["lundi","mardi","mercredi","jeudi","vendredi","samedi","dimanche"]
WD_EN = ["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"]
RR = ["MO","TU","WE","TH","FR","SA","SU"]
M_FR = ["janvier","février","mars","avril","mai","juin","juillet","août","septembre","octobre","novembre","décembre"]
M_EN = ["January","February","March","April","May","June","July","August","September","October","November","December"]

def z(zone): return ZoneInfo(zone)
def at(zone, d, h, m=0):
    """Local wall clock -> aware datetime, gap moved forward, overlap earlier offset."""
    local = datetime(d.year, d.month, d.day, h, m, tzinfo=z(zone))  # fold=0
    return local.astimezone(UTC).astimezone(z(zone))
def iso(dt):
    s = dt.isoformat()
    # drop zero seconds like Java's OffsetDateTime.toString
    base, off = s[:-6], s[-6:]
    if base.endswith(":00") and len(base) == 19:
        base = base[:16]
    return base + off
def nowdt(zone, s):
    return at(zone, date.fromisoformat(s[:10]), int(s[11:13]), int(s[14:16]))
def add(now, zone, kind, phrase, *answer):
    rows.append("\t".join([now, zone, kind, phrase] + [a for a in answer]))
def section(title):
    rows.append("")
    rows.append("# " + title)

def next_weekday(today, wd):  # today included
    return today + timedelta(days=(wd - today.weekday()) % 7)

NOWS = [("2027-03-26T20:00","Europe/Paris"),("2027-03-27T09:00","Europe/Paris"),
        ("2027-10-29T18:00","Europe/Paris"),("2027-10-30T09:00","Europe/Paris"),
        ("2027-03-12T20:00","America/New_York"),("2027-03-13T09:00","America/New_York"),
        ("2027-11-05T18:00","America/New_York"),("2027-11-06T09:00","America/New_York")]

# ---------------------------------------------------------------- events with an end, by weekday
section("EVENTS: a weekday with a start and an end; an end not after the start crosses midnight")
for now_s, zone in NOWS:
    now = nowdt(zone, now_s); today = now.date()
    for wd in (5, 6):  # Saturday, Sunday (the change nights)
        for (h1, h2) in ((10, 18), (22, 3), (1, 4), (19, 23)):
            d = next_weekday(today, wd)
            start = at(zone, d, h1)
            if start <= now:
                d += timedelta(days=7); start = at(zone, d, h1)
            end_day = d if h2 > h1 else d + timedelta(days=1)
            end = at(zone, end_day, h2)
            add(now_s, zone, "event", f"{WD_FR[wd]} de {h1}h à {h2}h", iso(start), iso(end))
            add(now_s, zone, "event", f"{WD_FR[wd]} {h1}h-{h2}h", iso(start), iso(end))
            def en(h): return f"{h % 12 or 12}{'am' if h < 12 else 'pm'}"
            add(now_s, zone, "event", f"{WD_EN[wd]} {en(h1)}-{en(h2)}", iso(start), iso(end))
            add(now_s, zone, "event", f"{WD_EN[wd]} from {en(h1)} to {en(h2)}", iso(start), iso(end))

section("EVENTS: a start without am/pm takes the end's when that puts it first (7-10pm, 11-1pm)")
for now_s, zone in [("2027-03-27T06:00","Europe/Paris"),("2027-11-06T06:00","America/New_York")]:
    now = nowdt(zone, now_s); today = now.date()
    for (a, b, m) in ((7, 10, "pm"), (11, 1, "pm"), (9, 5, "pm"), (6, 9, "am"), (12, 2, "pm"), (8, 11, "pm")):
        bh = b % 12 + (12 if m == "pm" else 0)
        ah = a % 12 + (12 if m == "pm" else 0)
        if ah * 60 >= bh * 60:
            ah = a % 12 + (0 if m == "pm" else 12)
        start = at(zone, today, ah)
        if start <= now:
            start = at(zone, today + timedelta(days=1), ah); d = today + timedelta(days=1)
        else:
            d = today
        end = at(zone, d, bh)
        add(now_s, zone, "event", f"{a}-{b}{m}", iso(start), iso(end))
        add(now_s, zone, "event", f"tomorrow {a}-{b}{m}", iso(at(zone, today + timedelta(days=1), ah)), iso(at(zone, today + timedelta(days=1), bh)))

section("EVENTS over days: the end after the start, at most 14 days")
for now_s, zone in [("2027-03-22T12:00","Europe/Paris"),("2027-10-25T12:00","Europe/Paris"),
                    ("2027-03-08T12:00","America/New_York"),("2027-11-01T12:00","America/New_York")]:
    now = nowdt(zone, now_s); today = now.date()
    fri = next_weekday(today, 4)
    for (w1, h1, w2, h2) in ((4, 18, 6, 17), (5, 10, 0, 2), (4, 20, 5, 4)):
        d1 = next_weekday(today, w1)
        d2 = next_weekday(d1, w2)
        start, end = at(zone, d1, h1), at(zone, d2, h2)
        def en(h): return f"{h % 12 or 12}{'am' if h < 12 else 'pm'}"
        add(now_s, zone, "event", f"du {WD_FR[w1]} {h1}h au {WD_FR[w2]} {h2}h", iso(start), iso(end))
        add(now_s, zone, "event", f"from {WD_EN[w1]} {en(h1)} to {WD_EN[w2]} {en(h2)}", iso(start), iso(end))
    d1 = next_weekday(today, 5); d2 = d1 + timedelta(days=1)
    add(now_s, zone, "event", f"{d1.day}/{d1.month} 20h - {d2.day}/{d2.month} 5h", iso(at(zone, d1, 20)), iso(at(zone, d2, 5)))
    add(now_s, zone, "event", f"du {d1.day}/{d1.month} 20h au {d2.day}/{d2.month} 5h", iso(at(zone, d1, 20)), iso(at(zone, d2, 5)))
    add(now_s, zone, "event", f"from {M_EN[d1.month-1]} {d1.day} 8pm to {M_EN[d2.month-1]} {d2.day} 5am", iso(at(zone, d1, 20)), iso(at(zone, d2, 5)))
    d3 = d1 + timedelta(days=15)
    add(now_s, zone, "event", f"du {d1.day}/{d1.month} 20h au {d3.day}/{d3.month} 5h", "ERROR", "time.eventTooLong")
    add(now_s, zone, "event", f"{d2.day}/{d2.month} 5h - {d1.day}/{d1.month} 20h", "ERROR")
    add(now_s, zone, "event", f"{WD_FR[5]} jusqu'à 18h", "ERROR", "time.needsTime")
    add(now_s, zone, "event", f"{WD_EN[5]} until 6pm", "ERROR", "time.needsTime")

# ---------------------------------------------------------------- spans (filters)
section("SPANS of dates: the first day 00:00 to the day after the last, clipped to now")
for now_s, zone in [("2027-03-20T12:00","Europe/Paris"),("2027-10-24T12:00","Europe/Paris"),
                    ("2027-03-08T12:00","America/New_York"),("2027-11-01T12:00","America/New_York"),
                    ("2027-03-28T10:00","Europe/Paris"),("2027-11-07T10:00","America/New_York")]:
    now = nowdt(zone, now_s); today = now.date()
    for (a, b) in ((0, 2), (1, 1), (2, 5), (5, 9)):
        d1 = today + timedelta(days=a); d2 = today + timedelta(days=b)
        start = max(at(zone, d1, 0), now); end = at(zone, d2 + timedelta(days=1), 0)
        if d1.month == d2.month:
            add(now_s, zone, "range", f"du {d1.day} au {d2.day} {M_FR[d2.month-1]}", iso(start), iso(end))
            add(now_s, zone, "range", f"from {d1.day} to {d2.day} {M_EN[d2.month-1]}", iso(start), iso(end))
            add(now_s, zone, "range", f"{M_EN[d1.month-1]} {d1.day}-{d2.day}", iso(start), iso(end))
            add(now_s, zone, "range", f"{d1.day}-{d2.day}/{d2.month}", iso(start), iso(end))
        add(now_s, zone, "range", f"du {d1.day}/{d1.month} au {d2.day}/{d2.month}", iso(start), iso(end))
        add(now_s, zone, "range", f"du {d1.day} {M_FR[d1.month-1]} au {d2.day} {M_FR[d2.month-1]}", iso(start), iso(end))
    for wd1, wd2 in ((5, 6), (4, 0), (0, 2)):
        d1 = next_weekday(today, wd1); d2 = next_weekday(d1, wd2)
        start = max(at(zone, d1, 0), now); end = at(zone, d2 + timedelta(days=1), 0)
        add(now_s, zone, "range", f"entre {WD_FR[wd1]} et {WD_FR[wd2]}", iso(start), iso(end))
        add(now_s, zone, "range", f"between {WD_EN[wd1]} and {WD_EN[wd2]}", iso(start), iso(end))
        add(now_s, zone, "range", f"from {WD_EN[wd1]} to {WD_EN[wd2]}", iso(start), iso(end))
    for wd in (6, 0):
        d = next_weekday(today, wd)
        add(now_s, zone, "range", f"jusqu'à {WD_FR[wd]}", iso(now), iso(at(zone, d + timedelta(days=1), 0)))
        add(now_s, zone, "range", f"until {WD_EN[wd]}", iso(now), iso(at(zone, d + timedelta(days=1), 0)))
        add(now_s, zone, "range", f"till {WD_EN[wd]}", iso(now), iso(at(zone, d + timedelta(days=1), 0)))
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    add(now_s, zone, "range", "d'ici la fin de la semaine", iso(now), iso(at(zone, monday, 0)))
    add(now_s, zone, "range", "by the end of the week", iso(now), iso(at(zone, monday, 0)))
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    add(now_s, zone, "range", "d'ici la fin du mois", iso(now), iso(at(zone, first, 0)))
    add(now_s, zone, "range", "by the end of the month", iso(now), iso(at(zone, first, 0)))
    # the week / the weekend of a day a few days ahead
    for ahead in (1, 4, 8):
        d = today + timedelta(days=ahead)
        mon = d - timedelta(days=d.weekday())
        start = max(at(zone, mon, 0), now); end = at(zone, mon + timedelta(days=7), 0)
        add(now_s, zone, "range", f"la semaine du {d.day} {M_FR[d.month-1]}", iso(start), iso(end))
        add(now_s, zone, "range", f"the week of {M_EN[d.month-1]} {d.day}", iso(start), iso(end))
        sat = d - timedelta(days=1) if d.weekday() == 6 else d + timedelta(days=(5 - d.weekday()) % 7)
        start = max(at(zone, sat, 0), now); end = at(zone, sat + timedelta(days=2), 0)
        if d.month == today.month:
            suffix = "st" if d.day in (1, 21, 31) else "nd" if d.day in (2, 22) else "rd" if d.day in (3, 23) else "th"
            add(now_s, zone, "range", f"le week-end du {d.day}", iso(start), iso(end))
            add(now_s, zone, "range", f"the weekend of the {d.day}{suffix}", iso(start), iso(end))
    # before the Nth
    d = today + timedelta(days=3)
    if d.month == today.month:
        add(now_s, zone, "range", f"avant le {d.day}", iso(now), iso(at(zone, d, 0)))
    # after / before a time, today and on a named day
    for h in (8, 14, 21):
        after_start = max(at(zone, today, h), now)
        if at(zone, today + timedelta(days=1), 0) > now:
            add(now_s, zone, "range", f"après {h}h", iso(after_start), iso(at(zone, today + timedelta(days=1), 0)))
        t = at(zone, today, h)
        if t > now:
            add(now_s, zone, "range", f"avant {h}h", iso(max(at(zone, today, 0), now)), iso(t))
        else:
            add(now_s, zone, "range", f"avant {h}h", iso(at(zone, today + timedelta(days=1), 0)), iso(at(zone, today + timedelta(days=1), h)))
        sun = next_weekday(today, 6)
        add(now_s, zone, "range", f"dimanche après {h}h", iso(max(at(zone, sun, h), now)), iso(at(zone, sun + timedelta(days=1), 0)))
        en = f"{h % 12 or 12}{'am' if h < 12 else 'pm'}"
        add(now_s, zone, "range", f"Sunday before {en}", iso(max(at(zone, sun, 0), now)) if at(zone, sun, h) > now else iso(at(zone, sun + timedelta(days=7), 0)), iso(at(zone, sun, h)) if at(zone, sun, h) > now else iso(at(zone, sun + timedelta(days=7), h)))
    d = today + timedelta(days=2)
    add(now_s, zone, "range", "après-demain", iso(at(zone, d, 0)), iso(at(zone, d + timedelta(days=1), 0)))
    add(now_s, zone, "range", "the day after tomorrow", iso(at(zone, d, 0)), iso(at(zone, d + timedelta(days=1), 0)))

section("SPANS refused: an end before the start, a sign, a repeat as a filter")
for now_s, zone in [("2027-03-20T12:00","Europe/Paris"),("2027-11-01T12:00","America/New_York")]:
    now = nowdt(zone, now_s); today = now.date()
    d1 = today + timedelta(days=5); d2 = today + timedelta(days=3)
    add(now_s, zone, "range", f"du {d1.day}/{d1.month} au {d2.day}/{d2.month}", "ERROR", "time.endBeforeStart")
    add(now_s, zone, "range", "in -3 days", "ERROR", "time.negative")
    add(now_s, zone, "range", "dans -1 semaine", "ERROR", "time.negative")
    add(now_s, zone, "range", "tous les jeudis à 19h", "ERROR", "time.repeat.inFilter")
    add(now_s, zone, "range", "every Friday at 8pm", "ERROR", "time.repeat.inFilter")
    add(now_s, zone, "range", "entre lundi", "ERROR", "time.unknown")

# ---------------------------------------------------------------- repeats
def expand(zone, now, matches, h, m, count=None, until=None, interval_weeks=1, n=4):
    today = now.date(); first = None; out = []; d = today
    for i in range(900):
        if matches(d):
            s = at(zone, d, h, m)
            if s > now:
                first = d; break
        d += timedelta(days=1)
    d = first; total = 0
    while len(out) < n:
        if matches(d):
            weeks = ((d - timedelta(days=d.weekday())) - (first - timedelta(days=first.weekday()))).days // 7
            if weeks % interval_weeks == 0:
                s = at(zone, d, h, m)
                if until is not None and s > until: break
                if count is not None and total == count: break
                out.append(s); total += 1
        d += timedelta(days=1)
    return first, out

def nth_of(d, wd, nth):
    if d.weekday() != wd: return False
    if nth > 0: return (d.day - 1) // 7 + 1 == nth
    return d.day + 7 > calendar.monthrange(d.year, d.month)[1]

RNOWS = [("2027-03-20T12:00","Europe/Paris"),("2027-03-27T23:00","Europe/Paris"),("2027-10-23T12:00","Europe/Paris"),
         ("2027-10-30T23:00","Europe/Paris"),("2027-03-06T12:00","America/New_York"),("2027-03-13T23:00","America/New_York"),
         ("2027-10-30T12:00","America/New_York"),("2027-11-06T23:00","America/New_York")]
ORD_FR = {1:"premier",2:"deuxième",3:"troisième",4:"quatrième",-1:"dernier"}
ORD_EN = {1:"first",2:"second",3:"third",4:"fourth",-1:"last"}
section("REPEATS: weekly, every other week, Nth weekday of the month, a day of the month, weekdays, two days, with ends; around the daylight-saving changes")
for now_s, zone in RNOWS:
    now = nowdt(zone, now_s)
    for wd, h in ((6, 10), (6, 2), (4, 19)):
        first, starts = expand(zone, now, lambda d: d.weekday() == wd, h, 30 if h == 2 else 0)
        mm = "30" if h == 2 else ""
        en_t = f"{h % 12 or 12}{':30' if h == 2 else ''}{'am' if h < 12 else 'pm'}"
        rule = f"RRULE:FREQ=WEEKLY;BYDAY={RR[wd]}"
        add(now_s, zone, "repeat", f"tous les {WD_FR[wd]}s à {h}h{mm}", *map(iso, starts), rule)
        add(now_s, zone, "repeat", f"every {WD_EN[wd]} at {en_t}", *map(iso, starts), rule)
        first, starts = expand(zone, now, lambda d: d.weekday() == wd, h, 30 if h == 2 else 0, interval_weeks=2)
        rule2 = f"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY={RR[wd]}"
        add(now_s, zone, "repeat", f"un {WD_FR[wd]} sur deux à {h}h{mm}", *map(iso, starts), rule2)
        add(now_s, zone, "repeat", f"every other {WD_EN[wd]} at {en_t}", *map(iso, starts), rule2)
        first, starts = expand(zone, now, lambda d: d.weekday() == wd, h, 30 if h == 2 else 0, count=3)
        add(now_s, zone, "repeat", f"chaque {WD_FR[wd]} à {h}h{mm} 3 fois", *map(iso, starts), rule + ";COUNT=3")
        add(now_s, zone, "repeat", f"every {WD_EN[wd]} at {en_t} 3 times", *map(iso, starts), rule + ";COUNT=3")
    for wd, nth in ((6, -1), (6, 1), (1, 2)):
        first, starts = expand(zone, now, lambda d: nth_of(d, wd, nth), 10, 0)
        rule = f"RRULE:FREQ=MONTHLY;BYDAY={nth}{RR[wd]}"
        add(now_s, zone, "repeat", f"le {ORD_FR[nth]} {WD_FR[wd]} du mois à 10h", *map(iso, starts), rule)
        add(now_s, zone, "repeat", f"every {ORD_EN[nth]} {WD_EN[wd]} of the month at 10am", *map(iso, starts), rule)
    # 02:30 on the Sunday of a change (the last Sunday of March in Paris, the second in New York),
    # and every night: only a date in the spring gap moves forward by the gap
    for wd, nth in ((6, -1), (6, 2)):
        first, starts = expand(zone, now, lambda d: nth_of(d, wd, nth), 2, 30)
        rule = f"RRULE:FREQ=MONTHLY;BYDAY={nth}{RR[wd]}"
        add(now_s, zone, "repeat", f"le {ORD_FR[nth]} {WD_FR[wd]} du mois à 2h30", *map(iso, starts), rule)
        add(now_s, zone, "repeat", f"every {ORD_EN[nth]} {WD_EN[wd]} of the month at 2:30am", *map(iso, starts), rule)
    first, starts = expand(zone, now, lambda d: True, 2, 30)
    add(now_s, zone, "repeat", "tous les jours à 2h30", *map(iso, starts), "RRULE:FREQ=DAILY")
    add(now_s, zone, "repeat", "every day at 2:30am", *map(iso, starts), "RRULE:FREQ=DAILY")
    for md in (28, 31):
        first, starts = expand(zone, now, lambda d: d.day == md, 19, 0)
        rule = f"RRULE:FREQ=MONTHLY;BYMONTHDAY={md}"
        add(now_s, zone, "repeat", f"le {md} de chaque mois à 19h", *map(iso, starts), rule)
        add(now_s, zone, "repeat", f"on the {md}{'st' if md == 31 else 'th'} of every month at 7pm", *map(iso, starts), rule)
    first, starts = expand(zone, now, lambda d: d.weekday() < 5, 8, 0)
    rule = "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    add(now_s, zone, "repeat", "en semaine à 8h", *map(iso, starts), rule)
    add(now_s, zone, "repeat", "every weekday at 8am", *map(iso, starts), rule)
    first, starts = expand(zone, now, lambda d: d.weekday() in (1, 6), 18, 30)
    rule = "RRULE:FREQ=WEEKLY;BYDAY=TU,SU"
    add(now_s, zone, "repeat", "les mardis et dimanches à 18h30", *map(iso, starts), rule)
    add(now_s, zone, "repeat", "every Tuesday and Sunday at 6:30pm", *map(iso, starts), rule)
    # until a date three weeks after now, that day included
    until_day = now.date() + timedelta(days=21)
    until = at(zone, until_day + timedelta(days=1), 0) - timedelta(seconds=1)
    first, starts = expand(zone, now, lambda d: d.weekday() == 6, 10, 0, until=until, n=10)
    rule = "RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=" + until.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    add(now_s, zone, "repeat", f"tous les dimanches à 10h jusqu'au {until_day.day} {M_FR[until_day.month-1]}", *map(iso, starts[:4]), rule)
    add(now_s, zone, "repeat", f"every Sunday at 10am until {M_EN[until_day.month-1]} {until_day.day}", *map(iso, starts[:4]), rule)
    # for 2 weeks, from the first date
    first, _ = expand(zone, now, lambda d: d.weekday() == 6, 10, 0)
    last = first + timedelta(days=13)
    until = at(zone, last + timedelta(days=1), 0) - timedelta(seconds=1)
    _, starts = expand(zone, now, lambda d: d.weekday() == 6, 10, 0, until=until, n=10)
    rule = "RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=" + until.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    add(now_s, zone, "repeat", "tous les dimanches à 10h pendant 2 semaines", *map(iso, starts[:4]), rule)
    add(now_s, zone, "repeat", "every Sunday at 10am for 2 weeks", *map(iso, starts[:4]), rule)

section("REPEATS refused: no time, several a day, unclear rules, too many dates, a single event asked as a repeat")
for now_s, zone in [("2027-03-20T12:00","Europe/Paris"),("2027-11-06T09:00","America/New_York")]:
    for phrase, key in (("tous les dimanches", "time.repeat.needsTime"), ("every Sunday", "time.repeat.needsTime"),
                        ("le dernier dimanche du mois", "time.repeat.needsTime"), ("en semaine", "time.repeat.needsTime"),
                        ("tous les jours à 9h et 21h", "time.repeat.severalADay"), ("every day at 9am and 9pm", "time.repeat.severalADay"),
                        ("toutes les 2 heures", "time.repeat.unclear"), ("every 15 minutes", "time.repeat.unclear"),
                        ("every 2 months at 7pm", "time.repeat.unclear"),
                        ("tous les jours à 8h 600 fois", "time.repeat.tooMany"), ("every day at 8am 501 times", "time.repeat.tooMany"),
                        ("every day at 8am until December 31 2029", "time.repeat.tooMany"),
                        ("dimanche à 10h", "time.repeat.none"), ("Sunday 10am-noon", "time.repeat.none"),
                        ("tous les dimanches à 26h", "time.invalidTime"), ("le 0 de chaque mois à 19h", "time.invalidDate")):
        add(now_s, zone, "repeat", phrase, "ERROR", key)

section("INSTANTS: a start alone, on the change nights")
for now_s, zone in NOWS:
    now = nowdt(zone, now_s); today = now.date()
    sun = next_weekday(today, 6)
    for h, mi in ((2, 30), (1, 30), (3, 0)):
        s = at(zone, sun, h, mi)
        if s <= now:
            s = at(zone, sun + timedelta(days=7), h, mi)
        add(now_s, zone, "instant", f"dimanche {h}h{mi:02d}" if mi else f"dimanche {h}h", iso(s), iso(s))
        add(now_s, zone, "event", f"Sunday at {h}:{mi:02d}am", iso(s), "")
        # the same start in the other language of each kind
        add(now_s, zone, "instant", f"Sunday {h}:{mi:02d}am", iso(s), iso(s))
        add(now_s, zone, "event", f"dimanche à {h}h{mi:02d}" if mi else f"dimanche à {h}h", iso(s), "")

with open("bot-core/src/test/resources/time/part2.tsv", "w") as f:
    f.write("""# Part 2 of TIME-PHRASES.md (event times, spans as filters, repeats, refusals), English and French,
# around the daylight-saving changes of 2027 in Europe/Paris (28 March, 31 October) and America/New_York
# (14 March, 7 November). Generated by part2-generate.py (run from the repository root) that computes each
# expected answer from the spec's rules with Python's zoneinfo, not from the resolver.
# now<TAB>zone<TAB>kind<TAB>phrase<TAB>answer..., as `resolve --batch` prints it:
#   range: START<TAB>END; instant: START<TAB>START; event: START<TAB>END (END empty when none is stated);
#   repeat: up to four first starts<TAB>...<TAB>RRULE:...; refusal: ERROR[<TAB>message key].
""")
    for r in rows[1:]:
        f.write(r + "\n")
print(sum(1 for r in rows if r and not r.startswith("#")))
