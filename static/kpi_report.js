/* KPI review report: the page's computation (23_kpi_report.md §8, §10, §11).
 *
 * Pure functions, the camelCase twins of kpi_report/metrics.py, exposed as window.kpiReport so that the tests
 * can compare them with the Python reference. Every figure is an exact ratio of integers rounded by one
 * BigInt function, so both sides agree to the digit. No locale formatting, no localeCompare.
 * (The page's rendering, filters and storage come in a later slice.)
 */
(function (root) {
  "use strict";

  var MISSING = "\u2014";
  var UNSET_FORMAT = "(미입력)";
  var MONTHLY_SUFFIX = "-월별입과 제외";
  var NO_ORG_LABEL = "조직 미지정";
  var ONLINE_RANK = { "구독제(온라인)": 0, "선택구매(온라인)": 1, "포팅": 2 };
  var FULL_CM_PPM = 1000000n;
  var SEGMENTS = {
    all: function () { return true; },
    online: function (d) { return d.isOnline; },
    offline: function (d) { return !d.isOnline; }
  };
  var SEGMENT_KEYS = ["all", "online", "offline"];
  var CHARTS = ["leads", "winRate", "wonAmount", "cmRate"];

  function isNew(d) { return d.customerKey !== null && !d.isExisting; }
  function isWon(d) { return d.status === "Won"; }
  var RATE_ROWS = [
    ["winRate", function () { return true; }, false],
    ["winRateMonthly", function () { return true; }, true],
    ["newWinRate", isNew, false],
    ["newWinRateMonthly", isNew, true],
    ["existingWinRate", function (d) { return d.isExisting; }, false],
    ["existingWinRateMonthly", function (d) { return d.isExisting; }, true]
  ];
  var QUALITY_ROWS = {
    qMissingContractDate: function (d, y) { return d.wonExclusion === "no_contract_date" && d.leadYear === y; },
    qMissingAmount: function (d, y) { return d.wonExclusion === "bad_amount" && d.contractYear === y; },
    qMissingOrg: function (d, y) { return isCanonical(d, y) && d.customerKey === null; },
    qMissingNet: function (d, y) { return !d.isOnline && d.netPpm === null && isCanonical(d, y); }
  };

  // ---- numbers (§10) ----
  function big(x) { return typeof x === "bigint" ? x : BigInt(x); }
  function absBig(x) { return x < 0n ? -x : x; }
  function rdiv(n, d) {
    n = big(n); d = big(d);
    if (d <= 0n) { throw new RangeError("rdiv needs a positive divisor"); }
    var q = (2n * absBig(n) + d) / (2n * d);  // non-negative operands: BigInt division is the floor
    return n < 0n ? -q : q;
  }
  function group(n) { return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function signOf(v, signed) { return v < 0n ? "-" : (signed && v > 0n ? "+" : ""); }
  function formatTenths(t, unit, signed) {
    if (t === null) { return MISSING; }
    var a = absBig(t);
    return signOf(t, signed) + group(a / 10n) + "." + (a % 10n).toString() + (unit || "%");
  }
  function formatHundredthsEok(h, signed) {
    if (h === null) { return MISSING; }
    var a = absBig(h);
    return signOf(h, signed) + group(a / 100n) + "." + (a % 100n).toString().padStart(2, "0") + "억";
  }
  function formatCount(v, signed) {
    if (v === null) { return MISSING; }
    v = big(v);
    return signOf(v, signed) + group(absBig(v));
  }
  function rateTenths(n, d) { n = big(n); d = big(d); return d > 0n ? rdiv(1000n * n, d) : null; }
  function marginTenths(s, c) { s = big(s); c = big(c); return c > 0n ? rdiv(s, 1000n * c) : null; }
  function eokHundredths(krw) { return rdiv(krw, 1000000n); }
  function deltaRateTenths(n1, d1, n2, d2) {
    n1 = big(n1); d1 = big(d1); n2 = big(n2); d2 = big(d2);
    if (d1 <= 0n || d2 <= 0n) { return null; }
    return rdiv(1000n * (n2 * d1 - n1 * d2), d1 * d2);
  }
  function deltaMarginTenths(s1, c1, s2, c2) {
    s1 = big(s1); c1 = big(c1); s2 = big(s2); c2 = big(c2);
    if (c1 <= 0n || c2 <= 0n) { return null; }
    return rdiv(s2 * c1 - s1 * c2, 1000n * c1 * c2);
  }
  function compareText(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }  // UTF-16 code units (§10.4)
  function compareBig(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }

  // ---- selection ----
  function included(payload, people, excluded) {
    var chosen = new Set(people), gone = new Set(excluded);
    return payload.deals.filter(function (d) { return chosen.has(d.person) && !gone.has(d.id); });
  }
  function isCanonical(d, year) { return isWon(d) && d.wonExclusion === null && d.contractYear === year; }
  function canonical(deals, year) { return deals.filter(function (d) { return isCanonical(d, year); }); }
  function cmOf(d) { return d.isOnline ? FULL_CM_PPM : (d.netPpm === null ? null : big(d.netPpm)); }
  function sumAmount(deals) { return deals.reduce(function (s, d) { return s + big(d.amount); }, 0n); }

  function yearFigures(deals, year) {
    var f = { leads: deals.filter(function (d) { return d.leadYear === year; }) };
    f.c = canonical(deals, year);
    f.rates = {};
    RATE_ROWS.forEach(function (row) {
      var pool = f.leads.filter(function (d) { return row[1](d) && !(row[2] && d.monthlyExcluded); });
      f.rates[row[0]] = [pool.filter(isWon).length, pool.length];
    });
    f.amount = sumAmount(f.c);
    var cms = f.c.map(cmOf).filter(function (v) { return v !== null; });
    f.cm = [cms.reduce(function (s, v) { return s + v; }, 0n), cms.length];
    f.newCustomers = new Set(f.c.filter(isNew).map(function (d) { return d.customerKey; }));
    f.existingCustomers = new Set();
    f.amountByExisting = new Map();
    f.c.forEach(function (d) {
      if (d.isExisting) {
        f.existingCustomers.add(d.customerKey);
        f.amountByExisting.set(d.customerKey, (f.amountByExisting.get(d.customerKey) || 0n) + big(d.amount));
      }
    });
    f.quality = {};
    Object.keys(QUALITY_ROWS).forEach(function (key) {
      f.quality[key] = deals.filter(function (d) { return QUALITY_ROWS[key](d, year); }).length;
    });
    return f;
  }

  function kpiSummary(payload, people, excluded) {
    var y1 = payload.compareYears[0], y2 = payload.compareYears[1];
    var deals = included(payload, people, excluded);
    var cells = {};
    function put(row, col, seg, text) { cells[row + "|" + col + "|" + seg] = text; }
    SEGMENT_KEYS.forEach(function (seg) {
      var part = deals.filter(SEGMENTS[seg]);
      var a = yearFigures(part, y1), b = yearFigures(part, y2);
      [[y1, a], [y2, b]].forEach(function (pair) {
        var col = String(pair[0]), f = pair[1];
        put("leads", col, seg, formatCount(f.leads.length));
        RATE_ROWS.forEach(function (row) { put(row[0], col, seg, formatTenths(rateTenths(f.rates[row[0]][0], f.rates[row[0]][1]))); });
        put("wonAmount", col, seg, formatHundredthsEok(eokHundredths(f.amount)));
        put("cmRate", col, seg, formatTenths(marginTenths(f.cm[0], f.cm[1])));
        put("newCustomers", col, seg, formatCount(f.newCustomers.size));
        put("existingCustomers", col, seg, formatCount(f.existingCustomers.size));
        Object.keys(f.quality).forEach(function (key) { put(key, col, seg, formatCount(f.quality[key])); });
      });
      var retained = Array.from(a.existingCustomers).filter(function (k) { return b.existingCustomers.has(k); });
      var upsold = retained.filter(function (k) { return b.amountByExisting.get(k) > a.amountByExisting.get(k); });
      put("retention", String(y1), seg, MISSING);
      put("upsell", String(y1), seg, MISSING);
      put("retention", String(y2), seg, formatTenths(rateTenths(retained.length, a.existingCustomers.size)));
      put("upsell", String(y2), seg, formatTenths(rateTenths(upsold.length, retained.length)));
      put("leads", "delta", seg, formatCount(b.leads.length - a.leads.length, true));
      RATE_ROWS.forEach(function (row) {
        var r1 = a.rates[row[0]], r2 = b.rates[row[0]];
        put(row[0], "delta", seg, formatTenths(deltaRateTenths(r1[0], r1[1], r2[0], r2[1]), "pp", true));
      });
      put("wonAmount", "delta", seg, formatHundredthsEok(eokHundredths(b.amount - a.amount), true));
      put("cmRate", "delta", seg, formatTenths(deltaMarginTenths(a.cm[0], a.cm[1], b.cm[0], b.cm[1]), "pp", true));
      put("newCustomers", "delta", seg, formatCount(b.newCustomers.size - a.newCustomers.size, true));
      put("existingCustomers", "delta", seg, formatCount(b.existingCustomers.size - a.existingCustomers.size, true));
      ["retention", "upsell"].concat(Object.keys(QUALITY_ROWS)).forEach(function (key) { put(key, "delta", seg, MISSING); });
    });
    return cells;
  }

  function chartLabels(payload, people, excluded) {
    var cells = kpiSummary(payload, people, excluded), out = {};
    CHARTS.forEach(function (chart) {
      payload.compareYears.forEach(function (year) {
        SEGMENT_KEYS.forEach(function (seg) {
          var key = chart + "|" + year + "|" + seg;
          out[key] = cells[key];
        });
      });
    });
    return out;
  }

  function qualityList(payload, people, excluded, rowKey, year, seg) {
    var deals = included(payload, people, excluded).filter(function (d) {
      return SEGMENTS[seg](d) && QUALITY_ROWS[rowKey](d, year);
    });
    deals.sort(function (x, y) {
      var nx = x.customerKey === null && x.orgName === NO_ORG_LABEL ? 1 : 0;
      var ny = y.customerKey === null && y.orgName === NO_ORG_LABEL ? 1 : 0;
      return (nx - ny) || compareText(x.orgName, y.orgName) || compareText(x.id, y.id);
    });
    return deals.map(function (d) { return d.id; });
  }

  function formatKey(d) { return d.format === null ? UNSET_FORMAT : d.format; }
  function compareNames(a, b) {  // §10.4 order with (미입력) last
    return ((a === UNSET_FORMAT ? 1 : 0) - (b === UNSET_FORMAT ? 1 : 0)) || compareText(a, b);
  }

  function formatAnalysis(payload, people, excluded, year) {
    var groups = new Map();
    included(payload, people, excluded).forEach(function (d) {
      var key = formatKey(d);
      if (!groups.has(key)) { groups.set(key, []); }
      groups.get(key).push(d);
    });
    var rows = [];
    groups.forEach(function (group, key) {
      var online = group[0].isOnline;
      var leads = group.filter(function (d) { return d.leadYear === year; });
      var c = canonical(group, year);
      var won = leads.filter(isWon).length;
      var amount = sumAmount(c);
      var cm;
      if (online) {
        cm = c.length ? formatTenths(1000n) : MISSING;
      } else {
        var nets = c.filter(function (d) { return d.netPpm !== null; }).map(function (d) { return big(d.netPpm); });
        cm = formatTenths(marginTenths(nets.reduce(function (s, v) { return s + v; }, 0n), nets.length));
      }
      var missingNet = online ? 0 : c.filter(function (d) { return d.netPpm === null; }).length;
      var cells = [formatCount(leads.length), formatCount(won), formatTenths(rateTenths(won, leads.length)),
                   formatHundredthsEok(eokHundredths(amount)), cm, formatCount(missingNet)];
      var sub = null;
      if (online) {
        var kept = leads.filter(function (d) { return !d.monthlyExcluded; });
        var keptWon = kept.filter(isWon).length;
        sub = [formatCount(kept.length), formatCount(keptWon), formatTenths(rateTenths(keptWon, kept.length)),
               MISSING, MISSING, MISSING];
      }
      rows.push({ key: key, amount: amount, count: leads.length, cells: cells, sub: sub });
    });
    rows.sort(function (x, y) {
      return compareBig(y.amount, x.amount) || (y.count - x.count) || compareNames(x.key, y.key);
    });
    var out = [];
    rows.forEach(function (r) {
      out.push([r.key, r.cells]);
      if (r.sub !== null) { out.push([r.key + MONTHLY_SUFFIX, r.sub]); }
    });
    return out;
  }

  function compareCreated(x, y) {
    var mx = x.createdDate === null ? 1 : 0, my = y.createdDate === null ? 1 : 0;
    return (mx - my) || compareText(x.createdDate || "", y.createdDate || "");
  }
  function listOrder(x, y) {
    var kx = formatKey(x), ky = formatKey(y);
    var rx = kx in ONLINE_RANK ? ONLINE_RANK[kx] : 3, ry = ky in ONLINE_RANK ? ONLINE_RANK[ky] : 3;
    return (rx - ry) || (rx === 3 ? compareNames(kx, ky) : 0) || compareCreated(x, y) || compareText(x.id, y.id);
  }

  function dealList(payload, people, year) {
    var chosen = new Set(people);
    var deals = payload.deals.filter(function (d) {
      return chosen.has(d.person) && (d.leadYear === year || d.contractYear === year);
    }).sort(listOrder);
    function ids(test) { return deals.filter(test).map(function (d) { return d.id; }); }
    return [ids(function (d) { return d.isExisting; }), ids(isNew), ids(function (d) { return d.customerKey === null; })];
  }

  function excludedList(payload, people, excluded) {
    var chosen = new Set(people), gone = new Set(excluded);
    return payload.deals.filter(function (d) { return chosen.has(d.person) && gone.has(d.id); })
      .sort(function (x, y) { return compareCreated(x, y) || compareText(x.id, y.id); })
      .map(function (d) { return d.id; });
  }

  // ---- exclusions in localStorage (§9): pure parts; the page wraps getItem/setItem in try/catch ----
  var STORAGE_PREFIX = "kpi_review::";

  function storageKey(payload, person) {
    return STORAGE_PREFIX + payload.years.join("_") + "::" + payload.dataGeneratedAt + "::excludedDealIds::" + person;
  }

  // A stored value → {ids: [...], reasons: {id: text}, warning: null | text}. A legacy bare array of ids is
  // accepted with empty reasons; anything unparseable counts as empty, with a warning (not an error).
  function parseStored(text) {
    var empty = { ids: [], reasons: {}, warning: null };
    if (text === null || text === undefined) { return empty; }
    var value;
    try { value = JSON.parse(text); } catch (e) { return { ids: [], reasons: {}, warning: "unparseable exclusions value ignored" }; }
    if (Array.isArray(value)) {
      return { ids: value.filter(function (x) { return typeof x === "string"; }), reasons: {}, warning: null };
    }
    if (value === null || typeof value !== "object" || !Array.isArray(value.excludedDealIds)) {
      return { ids: [], reasons: {}, warning: "unparseable exclusions value ignored" };
    }
    var ids = value.excludedDealIds.filter(function (x) { return typeof x === "string"; });
    var reasons = {};
    var raw = value.reasons && typeof value.reasons === "object" ? value.reasons : {};
    ids.forEach(function (id) { reasons[id] = typeof raw[id] === "string" ? raw[id] : ""; });
    return { ids: ids, reasons: reasons, warning: null };
  }

  // {"excludedDealIds":[sorted ids],"reasons":{...}} with JSON.stringify (no spaces), reasons only for stored ids.
  function serialiseStored(ids, reasons) {
    var sorted = Array.from(new Set(ids)).sort(compareText);
    var out = {};
    sorted.forEach(function (id) { out[id] = reasons[id] || ""; });
    return JSON.stringify({ excludedDealIds: sorted, reasons: out });
  }

  // ALL mode: the union of the members' ids; each id's reason is the first non-empty one in roster order.
  function unionStored(parsedInRosterOrder) {
    var ids = [], seen = new Set(), reasons = {};
    parsedInRosterOrder.forEach(function (entry) {
      entry.ids.forEach(function (id) {
        if (!seen.has(id)) { seen.add(id); ids.push(id); reasons[id] = ""; }
        if (!reasons[id] && entry.reasons[id]) { reasons[id] = entry.reasons[id]; }
      });
    });
    return { ids: ids.sort(compareText), reasons: reasons };
  }

  root.kpiReport = {
    storageKey: storageKey, parseStored: parseStored, serialiseStored: serialiseStored, unionStored: unionStored,
    rdiv: rdiv, formatTenths: formatTenths, formatHundredthsEok: formatHundredthsEok, formatCount: formatCount,
    kpiSummary: kpiSummary, chartLabels: chartLabels, qualityList: qualityList, formatAnalysis: formatAnalysis,
    dealList: dealList, excludedList: excludedList
  };
}(window));
