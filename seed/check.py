#!/usr/bin/env python3
"""Checks the seed files (reference catalogue and map documents) and prints per-country counts.

Usage: python3 seed/check.py [--coverage] [--maps DIR]
  --coverage  also print, per country, the coverage status of each indicator at the NCP
              (ANALYSIS.md section 1, active flows only) and the single points of failure.
  --maps DIR  check the map files in DIR instead of seed/maps (the tests feed it broken copies).
Exits with status 1 and lists every problem found when a check fails. Standard library only.

Besides the format, it enforces the seed rules (issue 14): every prosecution service receives the
statutory case flow from law enforcement and sends cases to a court; no institution is without any
flow unless it is tagged 'no-known-flow' and its description says why; the bodies holding the
national coordinator and rapporteur (or equivalent mechanism) roles are typed as those roles; and
interview rounds fit the countries mapped in them (the 2010 round covered nine countries, not Iceland);
a register standing in for a statistics office is tagged 'register' and says so; an employment agency
is not typed a labour inspectorate; no flow is older than the founding year a stakeholder states.
"""
import datetime
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict, deque

SEED = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(SEED, "reference", "catalogue.json")
MAPS = os.path.join(SEED, "maps")
if "--maps" in sys.argv[1:-1]:
    MAPS = os.path.abspath(sys.argv[sys.argv.index("--maps") + 1])

NATIONAL = {"NO": "no", "DK": "dk", "SE": "se", "FI": "fi", "EE": "ee", "LV": "lv", "LT": "lt", "PL": "pl", "DE": "de", "IS": "is"}
FILE_PREFIX = dict({f"{p}.json": p for p in NATIONAL.values()}, **{"int.json": "int", "ncp-network.json": "ncpnet"})
FILE_COUNTRY = dict({f"{p}.json": c for c, p in NATIONAL.items()}, **{"int.json": "INT"})

THEMES = ["CASES", "PROSTITUTION", "UNACCOMPANIED", "LABOUR_CRIME", "MISSING", "RESPONSE"]
INDICATORS = ([f"VIC-0{i}" for i in range(1, 7)] + [f"TRF-0{i}" for i in range(1, 6)] + [f"MOD-0{i}" for i in range(1, 6)]
              + [f"UAM-0{i}" for i in range(1, 7)] + [f"RSK-0{i}" for i in range(1, 8)] + [f"SYS-0{i}" for i in range(1, 4)])

SECTORS = {
    "law_enforcement": ["police", "criminal_intelligence", "border_guard", "labour_inspectorate", "tax_customs"],
    "justice": ["prosecution", "court", "guardianship_authority", "justice_ministry"],
    "child_protection": ["child_welfare", "care_institution", "barnahus", "health", "education", "victim_support",
                         "guardian_service", "children_ombudsperson"],
    "migration": ["migration_authority", "reception_centre", "consulate"],
    "civil_society": ["ngo", "outreach_service", "hotline", "red_cross", "research"],
    "governance": ["national_coordinator", "national_rapporteur", "nrm_secretariat", "ministry", "statistics_office",
                   "municipality", "ncp_office"],
    "international": ["europol", "interpol", "frontex", "eu_body", "cbss", "un_agency", "ngo_network", "other_international"],
}
TYPES = [t for ts in SECTORS.values() for t in ts]
SECTOR_OF = {t: sector for sector, ts in SECTORS.items() for t in ts}

# The statutory case flow: police (any law-enforcement body) -> prosecution carries at least one of
# these; prosecution -> court carries TRF-03 (persons prosecuted).
CASE_INDICATORS = {"TRF-01", "TRF-02", "VIC-02"}
# A stakeholder with no flow at all must carry this tag and say in its description why no flow is known.
NO_FLOW_TAG = "no-known-flow"
# A register or information system standing in for a statistics office carries this tag and says so.
REGISTER_TAG = "register"
REGISTER_NAME = re.compile(r"regist|information", re.IGNORECASE)
STANDS_IN = "stands in for a statistics office"
# Public employment services and labour-market authorities (not inspectorates).
EMPLOYMENT_NAME = re.compile(r"employment agency|employment service|directorate of labour|labour market", re.IGNORECASE)
# "Founded in 2019" in a stakeholder's description: no flow of it may be older.
FOUNDED = re.compile(r"\bfounded in (\d{4})\b", re.IGNORECASE)
# Roles (country-notes.md), marked by tags on the national-level body that holds them. The role fixes
# the type: a body holding the coordinator role (alone, or with the rapporteur role or the equivalent
# mechanism of art. 19 of Directive 2011/36/EU) is typed national_coordinator, whatever its parent
# organisation; a body holding only the rapporteur role or equivalent mechanism is national_rapporteur.
COORDINATOR, RAPPORTEUR, EQUIVALENT = "national-coordinator", "rapporteur", "equivalent-mechanism"
ROLES = {
    "NO": {COORDINATOR}, "DK": set(), "SE": {COORDINATOR, RAPPORTEUR}, "FI": {COORDINATOR, RAPPORTEUR},
    "EE": {COORDINATOR, EQUIVALENT}, "LV": {COORDINATOR, EQUIVALENT}, "LT": {COORDINATOR, RAPPORTEUR},
    "PL": {COORDINATOR, EQUIVALENT}, "DE": {RAPPORTEUR}, "IS": set(),
}
# Mapping rounds: the years an interview of the round may be dated in, and the countries it mapped.
ROUNDS = {
    "2010": (2010, 2011, {"NO", "DK", "SE", "FI", "EE", "LV", "LT", "PL", "DE", "INT"}),
    "2026-baseline": (2026, 2026, {"NO", "DK", "SE", "FI", "EE", "LV", "LT", "PL", "DE", "IS", "INT"}),
}


def role_type(tags):
    """The stakeholder type the role tags call for, or None for a body holding no such role."""
    if COORDINATOR in tags:
        return "national_coordinator"
    if RAPPORTEUR in tags or EQUIVALENT in tags:
        return "national_rapporteur"
    return None
FREQ = ["continuous", "monthly", "quarterly", "biannual", "annual", "ad_hoc"]
GRAN = ["case", "pseudonymised_case", "aggregate", "qualitative"]
PDATA = ["none", "personal", "special_category", "criminal_offence"]
ENUM = {
    "type": TYPES,
    "level": ["national", "regional", "local", "international"],
    "granularity": GRAN,
    "frequency": FREQ,
    "personalData": PDATA,
    "disaggregation": ["age", "sex", "citizenship", "exploitation_form", "region", "referring_agency"],
    "basis": ["statutory", "agreement", "project", "informal"],
    "trigger": ["push", "on_request", "event"],
    "channel": ["secure_system", "database_access", "report", "questionnaire", "meeting", "email_phone", "other"],
    "status": ["active", "planned", "broken"],
    "confidence": ["confirmed", "reported", "assumed"],
    "kind_reporting": ["hierarchy", "supervision", "funding", "mandate"],
    "kind_network": ["multidisciplinary_network", "task_force", "working_group", "referral_mechanism", "ncp_network", "other"],
    "meets": FREQ,
    "role": ["chair", "secretariat", "member", "observer"],
}

# field -> kind; kinds: str, bool, int, enum:<name>, strlist, enumlist:<name>, indicators, ref:<collection>, refs:interviews, contact
SCHEMA = {
    "countries": ({"code": "country_code", "name": "str", "euMember": "bool", "cbssMember": "bool", "illustrative": "bool"},
                  ["code", "name", "euMember", "cbssMember"]),
    "stakeholders": ({"id": "id", "name": "str", "country": "ref:countries", "type": "enum:type", "level": "enum:level",
                      "ncp": "bool", "description": "str", "tags": "strlist", "contact": "contact"},
                     ["id", "name", "country", "type"]),
    "datasets": ({"id": "id", "name": "str", "holder": "ref:stakeholders", "indicators": "indicators",
                  "granularity": "enum:granularity", "frequency": "enum:frequency", "disaggregation": "enumlist:disaggregation",
                  "personalData": "enum:personalData", "legalBasis": "str", "definitionAligned": "bool", "since": "year",
                  "notes": "str"},
                 ["id", "name", "holder", "indicators", "granularity", "frequency"]),
    "flows": ({"id": "id", "from": "ref:stakeholders", "to": "ref:stakeholders", "indicators": "indicators",
               "basis": "enum:basis", "trigger": "enum:trigger", "frequency": "enum:frequency",
               "granularity": "enum:granularity", "personalData": "enum:personalData", "channel": "enum:channel",
               "latencyDays": "nonneg", "status": "enum:status", "personDependent": "bool", "evidence": "refs:interviews",
               "confidence": "enum:confidence", "since": "year", "note": "str"},
              ["id", "from", "to", "indicators", "basis"]),
    "reportingLines": ({"id": "id", "from": "ref:stakeholders", "to": "ref:stakeholders", "kind": "enum:kind_reporting",
                        "evidence": "refs:interviews"},
                       ["id", "from", "to", "kind"]),
    "networks": ({"id": "id", "name": "str", "country": "ref:countries", "kind": "enum:kind_network", "meets": "enum:meets"},
                 ["id", "name", "country", "kind"]),
    "memberships": ({"stakeholder": "ref:stakeholders", "network": "ref:networks", "role": "enum:role"},
                    ["stakeholder", "network"]),
    "interviews": ({"id": "id", "date": "date", "stakeholder": "ref:stakeholders", "interviewer": "role_name", "round": "str",
                    "notes": "str"},
                   ["id", "date", "stakeholder", "round"]),
}
TOP = ["formatVersion"] + list(SCHEMA)
SIZES = {"stakeholders": (12, 30), "datasets": (8, 20), "flows": (20, 60), "interviews": (2, 6), "reportingLines": (3, None),
         "networks": (1, None)}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
THIS_YEAR = datetime.date.today().year

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as e:
        err(os.path.relpath(path, SEED), f"cannot read JSON ({e})")
        return None


def check_catalogue():
    cat = load(CATALOGUE)
    if cat is None:
        return set()
    where = "reference/catalogue.json"
    if not isinstance(cat, dict) or set(cat) != {"themes", "indicators"}:
        err(where, "top level must be an object with exactly 'themes' and 'indicators'")
        return set()
    codes = [t.get("code") for t in cat["themes"]]
    for t in cat["themes"]:
        if set(t) != {"code", "name"} or not isinstance(t.get("name"), str):
            err(where, f"theme {t.get('code')}: fields must be exactly code, name (strings)")
    if codes != THEMES:
        err(where, f"themes must be {THEMES}, found {codes}")
    seen = []
    for ind in cat["indicators"]:
        w = f"{where} indicator {ind.get('code')}"
        allowed = {"code", "name", "themes", "description", "typicalHolders"}
        for k in ind:
            if k not in allowed:
                err(w, f"unknown field '{k}'")
        for k in ("code", "name", "themes"):
            if k not in ind:
                err(w, f"missing required field '{k}'")
        for k in ("name", "description"):
            if k in ind and (not isinstance(ind[k], str) or not ind[k].strip()):
                err(w, f"'{k}' must be a non-empty string")
        for th in ind.get("themes", []):
            if th not in THEMES:
                err(w, f"themes: unknown theme '{th}'")
        if not ind.get("themes"):
            err(w, "themes: at least one theme")
        for ty in ind.get("typicalHolders", []):
            if ty not in TYPES:
                err(w, f"typicalHolders: unknown stakeholder type '{ty}'")
        seen.append(ind.get("code"))
    if seen != INDICATORS:
        err(where, f"indicator codes must be exactly the 32 of DOMAIN.md in order; found {seen}")
    dup = [c for c, n in Counter(seen).items() if n > 1]
    if dup:
        err(where, f"duplicate indicator codes {dup}")
    return set(seen)


def check_value(where, field, kind, value, codes):
    if kind in ("str", "round", "role_name"):
        if not isinstance(value, str) or not value.strip():
            return err(where, f"{field}: must be a non-empty string")
        if kind == "role_name" and not re.fullmatch(r"[a-z][a-z_]*", value):
            err(where, f"{field}: must be a role such as 'consultant', not a name ({value!r})")
    elif kind == "bool":
        if not isinstance(value, bool):
            err(where, f"{field}: must be true or false")
    elif kind == "id":
        if not isinstance(value, str) or not SLUG.match(value):
            err(where, f"{field}: must be a lowercase slug ({value!r})")
    elif kind == "country_code":
        if not isinstance(value, str) or not (value == "INT" or re.fullmatch(r"[A-Z]{2}", value)):
            err(where, f"{field}: must be ISO 3166-1 alpha-2 or INT ({value!r})")
    elif kind.startswith("enum:"):
        if value not in ENUM[kind[5:]]:
            err(where, f"{field}: unknown value {value!r}")
    elif kind.startswith("enumlist:"):
        if not isinstance(value, list) or any(v not in ENUM[kind[9:]] for v in value):
            err(where, f"{field}: must be a list of {ENUM[kind[9:]]} ({value!r})")
        elif len(set(value)) != len(value):
            err(where, f"{field}: duplicate values")
    elif kind == "strlist":
        if not isinstance(value, list) or any(not isinstance(v, str) or not v for v in value):
            err(where, f"{field}: must be a list of strings")
    elif kind == "indicators":
        if not isinstance(value, list) or not value:
            return err(where, f"{field}: must be a non-empty list of indicator codes")
        for v in value:
            if v not in codes:
                err(where, f"{field}: unknown indicator code {v!r}")
        if len(set(value)) != len(value):
            err(where, f"{field}: duplicate indicator codes")
    elif kind == "year":
        if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= THIS_YEAR:
            err(where, f"{field}: must be an integer year up to {THIS_YEAR} ({value!r})")
    elif kind == "nonneg":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            err(where, f"{field}: must be a non-negative integer")
    elif kind == "date":
        try:
            day = datetime.date.fromisoformat(value)
            if day > datetime.date.today():
                err(where, f"{field}: date in the future ({value})")
        except (TypeError, ValueError):
            err(where, f"{field}: must be an ISO date YYYY-MM-DD ({value!r})")
    elif kind == "contact":
        if not isinstance(value, dict) or not set(value) <= {"email", "phone", "url"}:
            return err(where, f"{field}: only email, phone, url allowed")
        if "phone" in value:
            err(where, f"{field}: no phone numbers in the seed")
        if "email" in value and not re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.example", value["email"]):
            err(where, f"{field}: e-mail must be a generic office address on the reserved .example domain")
        if "url" in value and not re.fullmatch(r"https?://[a-z0-9.-]+\.example(/\S*)?", value["url"]):
            err(where, f"{field}: url must use the reserved .example domain")


def main():
    codes = check_catalogue()
    files = sorted(glob.glob(os.path.join(MAPS, "*.json")))
    names = [os.path.basename(f) for f in files]
    for expected in FILE_PREFIX:
        if expected not in names:
            err("maps", f"missing file {expected}")
    for n in names:
        if n not in FILE_PREFIX:
            err(f"maps/{n}", "unexpected file")

    combined = {k: [] for k in SCHEMA}
    origin = {}  # (collection, index in combined) -> file
    for path in files:
        fname = os.path.basename(path)
        doc = load(path)
        if doc is None:
            continue
        where = f"maps/{fname}"
        if not isinstance(doc, dict):
            err(where, "top level must be an object")
            continue
        for k in doc:
            if k not in TOP:
                err(where, f"unknown top-level field '{k}'")
        if doc.get("formatVersion") != 1:
            err(where, "formatVersion must be 1")
        for coll in SCHEMA:
            items = doc.get(coll)
            if not isinstance(items, list):
                err(where, f"'{coll}' must be a list")
                continue
            for item in items:
                origin[(coll, len(combined[coll]))] = fname
                combined[coll].append(item)

    # per-item fields, required fields, value kinds
    for coll, (fields, required) in SCHEMA.items():
        for i, item in enumerate(combined[coll]):
            label = item.get("id") or item.get("code") or (f"{item.get('stakeholder')}@{item.get('network')}"
                                                           if coll == "memberships" else f"#{i}")
            where = f"maps/{origin[(coll, i)]} {coll}[{label}]"
            if not isinstance(item, dict):
                err(where, "must be an object")
                continue
            for k in item:
                if k not in fields:
                    err(where, f"unknown field '{k}'")
            for k in required:
                if k not in item:
                    err(where, f"missing required field '{k}'")
            for k, v in item.items():
                kind = fields.get(k)
                if kind and not kind.startswith("ref"):
                    check_value(where, k, kind, v, codes)

    # unique ids across all files, id prefixes per file
    ids = Counter()
    for coll in SCHEMA:
        for i, item in enumerate(combined[coll]):
            if "id" in item:
                ids[item["id"]] += 1
                prefix = FILE_PREFIX.get(origin[(coll, i)])
                if prefix and isinstance(item["id"], str) and not item["id"].startswith(prefix + "-"):
                    err(f"maps/{origin[(coll, i)]} {coll}[{item['id']}]", f"id must start with '{prefix}-'")
    for k, n in ids.items():
        if n > 1:
            err("maps", f"duplicate id '{k}' ({n} times)")
    ccount = Counter(c.get("code") for c in combined["countries"])
    for k, n in ccount.items():
        if n > 1:
            err("maps", f"duplicate country '{k}'")

    countries = {c.get("code"): c for c in combined["countries"]}
    sh = {s.get("id"): s for s in combined["stakeholders"]}
    nets = {n.get("id"): n for n in combined["networks"]}
    ivs = {i.get("id"): i for i in combined["interviews"]}
    lookup = {"countries": countries, "stakeholders": sh, "networks": nets, "interviews": ivs}

    # references
    for coll, (fields, _) in SCHEMA.items():
        for i, item in enumerate(combined[coll]):
            where = f"maps/{origin[(coll, i)]} {coll}[{item.get('id') or item.get('code') or item.get('stakeholder')}]"
            for k, kind in fields.items():
                if k not in item:
                    continue
                if kind.startswith("ref:"):
                    if item[k] not in lookup[kind[4:]]:
                        err(where, f"{k}: dangling reference {item[k]!r}")
                elif kind == "refs:interviews":
                    if not isinstance(item[k], list):
                        err(where, f"{k}: must be a list of interview ids")
                        continue
                    for ref in item[k]:
                        if ref not in ivs:
                            err(where, f"{k}: dangling interview reference {ref!r}")

    # consistency rules
    for fl in combined["flows"] + combined["reportingLines"]:
        if fl.get("from") == fl.get("to"):
            err(f"maps {fl.get('id')}", "from and to are the same stakeholder")
    for s in combined["stakeholders"]:
        c = s.get("country")
        if isinstance(s.get("id"), str) and isinstance(c, str):
            pre = "int" if c == "INT" else c.lower()
            if not s["id"].startswith(pre + "-"):
                err(f"maps stakeholders[{s['id']}]", f"id must start with '{pre}-' for country {c}")
        if c == "INT" and s.get("level", "national") != "international":
            err(f"maps stakeholders[{s.get('id')}]", "international bodies must have level 'international'")
    for i, item in enumerate(combined["stakeholders"]):
        fc = FILE_COUNTRY.get(origin[("stakeholders", i)])
        if fc and item.get("country") != fc:
            err(f"maps/{origin[('stakeholders', i)]} stakeholders[{item.get('id')}]", f"country must be {fc} in this file")
    for c in combined["countries"]:
        if c.get("illustrative") is not True:
            err(f"maps countries[{c.get('code')}]", "seed countries must be marked illustrative: true")
    msets = Counter((m.get("stakeholder"), m.get("network")) for m in combined["memberships"])
    for k, n in msets.items():
        if n > 1:
            err("maps memberships", f"duplicate membership {k}")

    ncps = defaultdict(list)
    for s in combined["stakeholders"]:
        if s.get("ncp") is True:
            ncps[s.get("country")].append(s.get("id"))
    for code in list(NATIONAL) + ["INT"]:
        if code not in countries:
            err("maps", f"country {code} missing")
    for code in NATIONAL:
        if len(ncps.get(code, [])) != 1:
            err(f"country {code}", f"exactly one stakeholder with ncp: true required, found {ncps.get(code, [])}")
    if ncps.get("INT"):
        err("country INT", f"international layer must not have an NCP ({ncps['INT']})")

    # counts per country (stakeholders/datasets by country of stakeholder/holder; flows etc. by file)
    counts = defaultdict(Counter)
    for s in combined["stakeholders"]:
        counts[s.get("country")]["stakeholders"] += 1
    for dset in combined["datasets"]:
        holder = sh.get(dset.get("holder"))
        if holder:
            counts[holder.get("country")]["datasets"] += 1
    for coll in ("flows", "reportingLines", "networks", "interviews", "memberships"):
        for i, _ in enumerate(combined[coll]):
            fc = FILE_COUNTRY.get(origin[(coll, i)], "NCPNET")
            counts[fc][coll] += 1
    for code in NATIONAL:
        for coll, (lo, hi) in SIZES.items():
            n = counts[code][coll]
            if n < lo or (hi is not None and n > hi):
                err(f"country {code}", f"{coll}: {n} outside the range {lo}-{hi or 'any'}")
        nets_here = [n["id"] for n in combined["networks"] if n.get("country") == code]
        if not any(m.get("network") in nets_here for m in combined["memberships"]):
            err(f"country {code}", "needs at least one network with memberships")

    # flows and reporting lines in a national file start at that country's stakeholder or end there
    for coll in ("flows", "reportingLines"):
        for i, fl in enumerate(combined[coll]):
            fc = FILE_COUNTRY.get(origin[(coll, i)])
            if fc and fc != "INT":
                ends = {sh.get(fl.get("from"), {}).get("country"), sh.get(fl.get("to"), {}).get("country")}
                if fc not in ends:
                    err(f"maps/{origin[(coll, i)]} {coll}[{fl.get('id')}]", f"neither end is in {fc}")

    # Denmark keeps no data on missing unaccompanied minors
    for dset in combined["datasets"]:
        if sh.get(dset.get("holder"), {}).get("country") == "DK" and "UAM-03" in dset.get("indicators", []):
            err(f"maps datasets[{dset.get('id')}]", "no Danish dataset may cover UAM-03 (the mapped gap)")

    # the regional NCP network
    ncpnet = nets.get("ncpnet-bsr")
    if not ncpnet or ncpnet.get("kind") != "ncp_network" or ncpnet.get("country") != "INT":
        err("maps/ncp-network.json", "network ncpnet-bsr (kind ncp_network, country INT) required")
    else:
        members = {m.get("stakeholder") for m in combined["memberships"] if m.get("network") == "ncpnet-bsr"}
        for code in NATIONAL:
            for n in ncps.get(code, []):
                if n not in members:
                    err("maps/ncp-network.json", f"NCP {n} is not a member of ncpnet-bsr")

    # evidence dates: a flow documented only by interviews cannot start after the latest of them
    for fl in combined["flows"]:
        ev = [ivs[e]["date"] for e in fl.get("evidence", []) if e in ivs and isinstance(ivs[e].get("date"), str)]
        if ev and isinstance(fl.get("since"), int) and fl["since"] > int(max(ev)[:4]):
            err(f"maps flows[{fl.get('id')}]", f"since {fl['since']} is after its latest evidence ({max(ev)})")

    check_rules(combined, sh, ivs)

    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1

    cols = ["stakeholders", "datasets", "flows", "reportingLines", "networks", "memberships", "interviews"]
    print("Seed OK: catalogue with %d indicators, %d map files" % (len(codes), len(files)))
    print(f"{'country':8}" + "".join(f"{c:>15}" for c in cols) + f"{'ncp':>16}")
    for code in list(NATIONAL) + ["INT", "NCPNET"]:
        print(f"{code:8}" + "".join(f"{counts[code][c]:>15}" for c in cols) + f"{(ncps.get(code) or ['-'])[0]:>16}")
    print(f"{'total':8}" + "".join(f"{sum(counts[k][c] for k in counts):>15}" for c in cols))
    if "--coverage" in sys.argv:
        coverage(combined, codes, ncps)
    return 0


def check_rules(combined, sh, ivs):
    """The seed rules of issue 14 (see the module docstring)."""
    flows = [f for f in combined["flows"] if isinstance(f, dict)]
    stakeholders = [s for s in combined["stakeholders"] if isinstance(s, dict) and isinstance(s.get("id"), str)]
    national = [s for s in stakeholders if s.get("country") in NATIONAL]

    def type_of(sid):
        return sh.get(sid, {}).get("type")

    def country_of(sid):
        return sh.get(sid, {}).get("country")

    def active_statutory(f):
        return f.get("status", "active") == "active" and f.get("basis") == "statutory"

    # the statutory case flow: law enforcement -> prosecution -> court, in every country
    for code in NATIONAL:
        for needed in ("prosecution", "court"):
            if not any(s.get("type") == needed for s in national if s.get("country") == code):
                err(f"country {code}", f"no stakeholder of type {needed} (the statutory case flow needs one)")
    for s in national:
        if s.get("type") != "prosecution":
            continue
        inflow = [f for f in flows if f.get("to") == s["id"] and active_statutory(f)
                  and SECTOR_OF.get(type_of(f.get("from"))) == "law_enforcement" and country_of(f.get("from")) == s["country"]
                  and CASE_INDICATORS & set(f.get("indicators") or [])]
        if not inflow:
            err(f"maps stakeholders[{s['id']}]", "prosecution service receives no case flow: an active statutory flow from "
                f"a law-enforcement body carrying {', '.join(sorted(CASE_INDICATORS))} is required")
        outflow = [f for f in flows if f.get("from") == s["id"] and active_statutory(f) and type_of(f.get("to")) == "court"
                   and country_of(f.get("to")) == s["country"] and "TRF-03" in (f.get("indicators") or [])]
        if not outflow:
            err(f"maps stakeholders[{s['id']}]", "prosecution service sends no case flow to a court: an active statutory "
                "flow carrying TRF-03 to a court is required")

    # no institution without a flow, unless tagged and explained
    ends = {f.get("from") for f in flows} | {f.get("to") for f in flows}
    for s in stakeholders:
        tagged = NO_FLOW_TAG in (s.get("tags") or [])
        where = f"maps stakeholders[{s['id']}]"
        if s["id"] not in ends and not tagged:
            err(where, f"isolated: no flow to or from it; add the flows the public record supports, or tag it "
                f"'{NO_FLOW_TAG}' and say in its description why none is known")
        elif s["id"] in ends and tagged:
            err(where, f"tagged '{NO_FLOW_TAG}' but it has flows; remove the tag")
        elif tagged and not re.search(r"\bno\b[^.]*\bflows?\b", s.get("description") or "", re.IGNORECASE):
            err(where, f"tagged '{NO_FLOW_TAG}': its description must say why no flow is known (e.g. 'No flow ... is known')")

    # coordinator and rapporteur roles typed as the roles say
    for s in national:
        tags = set(s.get("tags") or [])
        want = role_type(tags)
        where = f"maps stakeholders[{s['id']}]"
        if s.get("level", "national") != "national":
            if want:
                err(where, "role tags (national coordinator, rapporteur, equivalent mechanism) belong on a national-level body")
            continue
        if want and s.get("type") != want:
            err(where, f"holds the role(s) {', '.join(sorted(tags & {COORDINATOR, RAPPORTEUR, EQUIVALENT}))}, so its type "
                f"must be {want}, not {s.get('type')}")
        if not want and s.get("type") in ("national_coordinator", "national_rapporteur"):
            err(where, f"typed {s.get('type')} but tagged with no role ('{COORDINATOR}', '{RAPPORTEUR}' or '{EQUIVALENT}')")
    for code, roles in ROLES.items():
        holders = defaultdict(list)
        for s in national:
            if s.get("country") == code and s.get("level", "national") == "national":
                for tag in set(s.get("tags") or []) & {COORDINATOR, RAPPORTEUR, EQUIVALENT}:
                    holders[tag].append(s["id"])
        for role in sorted(roles):
            if len(holders.get(role, [])) != 1:
                err(f"country {code}", f"exactly one national-level body must hold the role '{role}' (country-notes.md), "
                    f"found {holders.get(role, [])}")
        for role in sorted(set(holders) - roles):
            err(f"country {code}", f"no body holds the role '{role}' in country-notes.md, but {holders[role]} is tagged with it")

    # a register or information system standing in for a statistics office says so
    for s in stakeholders:
        where = f"maps stakeholders[{s['id']}]"
        tagged = REGISTER_TAG in (s.get("tags") or [])
        if s.get("type") == "statistics_office" and REGISTER_NAME.search(s.get("name") or "") and not tagged:
            err(where, f"a register or information system typed statistics_office must carry the tag '{REGISTER_TAG}'")
        if tagged and s.get("type") == "statistics_office" and STANDS_IN not in (s.get("description") or ""):
            err(where, f"tagged '{REGISTER_TAG}' and typed statistics_office: its description must say it "
                f"'{STANDS_IN}' here, and why the statistics office itself is not mapped")

    # a public employment service or labour-market authority is not a labour inspectorate
    for s in stakeholders:
        if s.get("type") == "labour_inspectorate" and EMPLOYMENT_NAME.search(s.get("name") or ""):
            err(f"maps stakeholders[{s['id']}]", "an employment agency or labour-market authority is not a labour "
                "inspectorate: type it as the government administration it is (ministry), and say so in its description")

    # no flow older than an institution that says when it was founded
    for s in stakeholders:
        founded = FOUNDED.search(s.get("description") or "")
        if not founded:
            continue
        year = int(founded.group(1))
        for f in flows:
            if s["id"] not in (f.get("from"), f.get("to")):
                continue
            since = f.get("since")
            if isinstance(since, int) and since < year:
                err(f"maps flows[{f.get('id')}]", f"since {since}, but {s['id']} was founded in {year} (its description says so)")
            for old in re.findall(r"\bsince (\d{4})\b", f.get("note") or "", re.IGNORECASE):
                if int(old) < year:
                    err(f"maps flows[{f.get('id')}]", f"its note says 'since {old}', but {s['id']} was founded in {year}")

    # interview rounds fit the countries (and years) mapped in them
    for iv in combined["interviews"]:
        if not isinstance(iv, dict):
            continue
        where = f"maps interviews[{iv.get('id')}]"
        rnd = ROUNDS.get(iv.get("round"))
        if rnd is None:
            err(where, f"round {iv.get('round')!r} is not a known mapping round ({', '.join(ROUNDS)})")
            continue
        first, last, countries = rnd
        country = country_of(iv.get("stakeholder"))
        if country is not None and country not in countries:
            err(where, f"round {iv['round']} did not map {country} (it covered {' '.join(sorted(countries - {'INT'}))})")
        year = iv.get("date")[:4] if isinstance(iv.get("date"), str) else ""
        if year.isdigit() and not first <= int(year) <= last:
            err(where, f"dated {iv['date']}, outside round {iv['round']} ({first}-{last})")


def reaches(holders, ncp, edges, skip=None):
    """Breadth-first search over X-carrying active flows from all holders; returns hop count or None."""
    dist = {h: 0 for h in holders if h != skip}
    queue = deque(dist)
    while queue:
        u = queue.popleft()
        if u == ncp:
            return dist[u]
        for v in edges.get(u, ()):
            if v not in dist and v != skip:
                dist[v] = dist[u] + 1
                queue.append(v)
    return None


def coverage(combined, codes, ncps):
    """Coverage status per (country, indicator) as defined in ANALYSIS.md section 1 (active flows)."""
    sh = {s["id"]: s for s in combined["stakeholders"]}
    held = defaultdict(set)  # indicator -> holders
    for dset in combined["datasets"]:
        for x in dset["indicators"]:
            held[x].add(dset["holder"])
    carry = defaultdict(lambda: defaultdict(set))  # indicator -> from -> {to}
    for fl in combined["flows"]:
        if fl.get("status", "active") == "active":
            for x in fl["indicators"]:
                carry[x][fl["from"]].add(fl["to"])
    print("\nCoverage at the NCP (active flows): H held, R reaches (hops), - collected not reaching, . not collected")
    print(f"{'':5}" + " ".join(f"{c[:3] + c[4:]:^5}" for c in INDICATORS))
    for code in NATIONAL:
        ncp = ncps[code][0]
        row, spof = [], defaultdict(list)
        for x in INDICATORS:
            holders = sorted(h for h in held[x] if sh[h]["country"] == code)
            if ncp in holders:
                row.append("H")
            elif not holders:
                row.append(".")
            else:
                hops = reaches(holders, ncp, carry[x])
                if hops is None:
                    row.append("-")
                else:
                    row.append(f"R{hops}")
                    for s in sorted(sh):
                        if s != ncp and reaches(holders, ncp, carry[x], skip=s) is None:
                            spof[s].append(x)
        print(f"{code:5}" + " ".join(f"{c:^5}" for c in row))
        notr = [x for x, c in zip(INDICATORS, row) if c == "-"]
        print(f"      collected_not_reaching: {', '.join(notr) or '(none)'}")
        for s, xs in sorted(spof.items(), key=lambda kv: -len(kv[1])):
            print(f"      single point of failure {s}: {', '.join(xs)}")


if __name__ == "__main__":
    sys.exit(main())
