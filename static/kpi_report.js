/* KPI review report: the page's computation (23_kpi_report.md §8, §10, §11).
 *
 * Pure functions, the camelCase twins of kpi_report/metrics.py, exposed as window.kpiReport so that the tests
 * can compare them with the Python reference. Every figure is an exact ratio of integers rounded by one
 * BigInt function, so both sides agree to the digit. No locale formatting, no localeCompare.
 * The second half renders the page (23 §7): it runs only when the document carries the `#kpi-data` block, and
 * writes every data-derived text through textContent or attribute setters, never as markup.
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
    dealList: dealList, excludedList: excludedList, dealCells: dealCells, qualityCells: qualityCells
  };

  // ---- row cells of tabs 3 and 4 and the quality lists (twins of metrics.deal_cells / quality_cells) ----
  var REASON_LABELS = { no_organization: "조직 없음", no_contract_date: "계약 체결일 없음/오류", bad_amount: "금액 없음/오류" };
  var MERGED_PILL = "동명 합산";

  // The one raw CRM text the page reads (an exclusion's contractDateRaw). Python's str.strip() and
  // domain.text.is_blank, exactly: JS trim() would also strip U+FEFF and keep U+001C–U+001F and U+0085.
  var PY_SPACE = "[\\t\\n\\v\\f\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  var PY_STRIP = new RegExp("^" + PY_SPACE + "+|" + PY_SPACE + "+$", "g");
  function pyStrip(text) { return String(text).replace(PY_STRIP, ""); }
  function isBlank(value) {
    if (value === null || value === undefined) { return true; }
    var t = pyStrip(value);
    return t === "" || t === "-" || t === "\u2013" || t === "\u2014";
  }
  function mergedKeys(payload) {
    return new Set(payload.meta.mergedOrgKeys.map(function (m) { return "n:" + m.key; }));
  }
  function orDash(v) { return v === null || v === undefined || v === "" ? MISSING : v; }
  function amountText(d) {
    if (d.amount !== null) { return formatHundredthsEok(eokHundredths(d.amount)); }
    return d.amountText !== null ? "무효(" + d.amountText + ")" : MISSING;
  }
  function netText(d) {
    if (d.netPpm !== null) { return formatTenths(rdiv(d.netPpm, 1000n)); }
    return d.netText !== null ? "무효(" + d.netText + ")" : MISSING;
  }
  // {col: text}; the org cell's pill is returned apart (cells.org is the name alone) so the page can style it.
  function rowParts(d, merged) {
    return {
      cells: { created: orDash(d.createdDate), org: d.orgName, name: orDash(d.dealName), format: formatKey(d),
               status: orDash(d.status), contract: orDash(d.contractDate), owner: d.ownerName,
               probability: orDash(d.probability), expected: orDash(d.expectedCloseDate), amount: amountText(d),
               net: netText(d) },
      pill: merged.has(d.customerKey)
    };
  }
  function dealCells(d, merged) {
    var parts = rowParts(d, merged instanceof Set ? merged : new Set(merged || []));
    if (parts.pill) { parts.cells.org += " " + MERGED_PILL; }
    return parts.cells;
  }
  function exclusionOf(payload, id) {
    for (var i = 0; i < payload.wonExclusions.length; i++) {
      if (payload.wonExclusions[i].dealId === id) { return payload.wonExclusions[i]; }
    }
    return null;
  }
  function qualityExtras(payload, d, rowKey) {
    if (rowKey === "qMissingNet") { return null; }
    var item = exclusionOf(payload, d.id);
    return {
      contract: item.reason === "no_contract_date" && !isBlank(item.contractDateRaw)
        ? "무효(" + pyStrip(item.contractDateRaw) + ")" : null,
      reason: REASON_LABELS[item.reason]
    };
  }
  function qualityCells(payload, d, rowKey) {
    var cells = dealCells(d, mergedKeys(payload)), extra = qualityExtras(payload, d, rowKey);
    if (extra !== null) {
      if (extra.contract !== null) { cells.contract = extra.contract; }
      cells.exclusionReason = extra.reason;
    }
    return cells;
  }

  // ================= the page (23 §7) =================
  function startPage() {
    var data;
    try {
      data = JSON.parse(document.getElementById("kpi-data").textContent);
    } catch (e) {
      data = null;
    }
    root.__DATA__ = data;
    if (!data || !Array.isArray(data.deals)) {
      var box = document.createElement("div");
      box.className = "fatal";
      box.textContent = "window.__DATA__.deals 가 없습니다. 빌더 출력을 확인하세요.";
      document.body.replaceChildren(box);
      return;
    }
    new Page(data).start();
  }

  var DEAL_COLUMNS = [["created", "생성일"], ["org", "기업명"], ["name", "딜 이름"], ["format", "과정포맷"],
    ["status", "상태"], ["contract", "계약 체결일"], ["owner", "구성원"], ["probability", "가능성"],
    ["expected", "수주 예정일"], ["amount", "금액"], ["net", "Net(%)"]];
  var FORMAT_COLUMNS = [["count", "딜 수 (리드연도)"], ["won", "Won 딜 수 (리드연도)"], ["rate", "체결률"],
    ["amount", "Won 체결액 합 (체결연도)"], ["cm", "공헌이익률"], ["netMissing", "net% 누락 건수 (비온라인, 체결연도)"]];
  var SEGMENT_LABELS = { all: "전체", online: "온라인", offline: "비온라인" };
  var CHART_TITLES = { leads: "리드 수", winRate: "체결률", wonAmount: "총 체결액", cmRate: "공헌이익률" };
  var COLOURS = ["#9aa5b1", "#2f6fde"];
  var ALL_VALUE = "";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function $(id) { return document.getElementById(id); }

  function Page(data) {
    this.data = data;
    this.y1 = data.compareYears[0];
    this.y2 = data.compareYears[1];
    this.merged = mergedKeys(data);
    this.byId = new Map(data.deals.map(function (d) { return [d.id, d]; }));
    this.svgNs = document.querySelector("svg[data-chart]").namespaceURI;
    this.state = { team: 0, unit: 0, person: ALL_VALUE, tab: "kpi", formatYear: this.y2, dealsYear: this.y2,
                   ids: [], reasons: {}, quality: null };
  }

  Page.prototype.start = function () {
    var self = this;
    this.fillTeams();
    $("team-select").addEventListener("change", function (e) {
      self.state.team = Number(e.target.value); self.state.unit = 0; self.state.person = ALL_VALUE;
      self.fillUnits(); self.filterChanged();
    });
    $("unit-select").addEventListener("change", function (e) {
      self.state.unit = Number(e.target.value); self.state.person = ALL_VALUE;
      self.fillPeople(); self.filterChanged();
    });
    $("person-select").addEventListener("change", function (e) {
      self.state.person = e.target.value; self.filterChanged();
    });
    document.querySelectorAll("button[data-tab]").forEach(function (b) {
      b.addEventListener("click", function () { self.state.tab = b.getAttribute("data-tab"); self.render(); });
    });
    document.querySelectorAll("button[data-format-year]").forEach(function (b) {
      b.addEventListener("click", function () { self.state.formatYear = Number(b.getAttribute("data-format-year")); self.render(); });
    });
    document.querySelectorAll("button[data-deals-year]").forEach(function (b) {
      b.addEventListener("click", function () { self.state.dealsYear = Number(b.getAttribute("data-deals-year")); self.render(); });
    });
    $("kpi-table").addEventListener("click", function (e) {
      var button = e.target.closest("button.quality-link");
      if (!button) { return; }
      var cell = button.parentNode;
      self.state.quality = { row: cell.getAttribute("data-row"), year: Number(cell.getAttribute("data-col")),
                             seg: cell.getAttribute("data-seg") };
      self.renderQualityList();
    });
    this.fillUnits();
    this.filterChanged();
  };

  // ---- filters ----
  Page.prototype.team = function () { return this.data.roster[this.state.team]; };
  Page.prototype.unit = function () { return this.team().units[this.state.unit]; };
  Page.prototype.allMode = function () { return this.state.person === ALL_VALUE; };
  Page.prototype.people = function () { return this.allMode() ? this.unit().people.slice() : [this.state.person]; };

  function fillSelect(select, options, value) {
    select.replaceChildren();
    options.forEach(function (o) { select.appendChild(el("option", { value: o[0] }, o[1])); });
    select.value = value;
  }
  Page.prototype.fillTeams = function () {
    fillSelect($("team-select"), this.data.roster.map(function (t, i) { return [String(i), t.team]; }), "0");
  };
  Page.prototype.fillUnits = function () {
    fillSelect($("unit-select"), this.team().units.map(function (u, i) { return [String(i), u.unit]; }),
               String(this.state.unit));
    this.fillPeople();
  };
  Page.prototype.fillPeople = function () {
    var options = [[ALL_VALUE, "ALL (해당 파트/셀 전체)"]].concat(this.unit().people.map(function (p) { return [p, p]; }));
    fillSelect($("person-select"), options, this.state.person);
  };
  Page.prototype.filterChanged = function () {
    this.state.quality = null;
    this.loadExclusions();
    this.render();
  };
  Page.prototype.scopeText = function () {
    return "팀=" + this.team().team + ", 파트/셀=" + this.unit().unit + ", person=" +
      (this.allMode() ? "ALL" : this.state.person);
  };

  // ---- storage (§9): every access in try/catch; a failure keeps the in-memory set and shows the warning ----
  Page.prototype.storageFailed = function (error) {
    $("storage-warning").hidden = false;
    if (root.console) { root.console.warn("kpi_review storage unavailable:", String(error)); }
  };
  Page.prototype.read = function (person) {
    var text = null;
    try { text = root.localStorage.getItem(storageKey(this.data, person)); } catch (e) { this.storageFailed(e); }
    var parsed = parseStored(text);
    if (parsed.warning && root.console) { root.console.warn(parsed.warning + " (" + person + ")"); }
    return parsed;
  };
  Page.prototype.loadExclusions = function () {
    var self = this, loaded;
    if (this.allMode()) {
      loaded = unionStored(this.unit().people.map(function (p) { return self.read(p); }));
    } else {
      loaded = this.read(this.state.person);
    }
    this.state.ids = loaded.ids;
    this.state.reasons = loaded.reasons;
  };
  Page.prototype.save = function () {
    if (this.allMode()) { return; }  // ALL mode never writes
    try {
      root.localStorage.setItem(storageKey(this.data, this.state.person),
                                serialiseStored(this.state.ids, this.state.reasons));
    } catch (e) { this.storageFailed(e); }
  };
  Page.prototype.setExcluded = function (id, on) {
    var ids = this.state.ids.filter(function (x) { return x !== id; });
    if (on) { ids.push(id); if (!(id in this.state.reasons)) { this.state.reasons[id] = ""; } }
    else { delete this.state.reasons[id]; }
    this.state.ids = ids.sort(compareText);
    this.state.quality = null;
    this.save();
    this.render();
  };

  // ---- rendering ----
  Page.prototype.render = function () {
    var self = this;
    document.querySelectorAll("button[data-tab]").forEach(function (b) {
      var on = b.getAttribute("data-tab") === self.state.tab;
      b.setAttribute("aria-selected", on ? "true" : "false");
      $("tab-" + b.getAttribute("data-tab")).hidden = !on;
    });
    this.markYears("data-format-year", this.state.formatYear);
    this.markYears("data-deals-year", this.state.dealsYear);
    var people = this.people(), excluded = this.state.ids;
    var cells = kpiSummary(this.data, people, excluded);
    this.renderSummary(cells);
    this.renderCharts(cells);
    this.renderQualityList();
    this.renderFormats(formatAnalysis(this.data, people, excluded, this.state.formatYear));
    this.guarded("deals-body", "탭 3(딜 리스트) 렌더링 중 오류가 발생했습니다. (개발자 콘솔 확인)", function () { self.renderDeals(); });
    this.guarded("excluded-body", "탭 4(제외 내역) 렌더링 중 오류가 발생했습니다. (개발자 콘솔 확인)", function () { self.renderExcluded(); });
  };
  Page.prototype.markYears = function (attr, year) {
    document.querySelectorAll("button[" + attr + "]").forEach(function (b) {
      b.setAttribute("aria-pressed", Number(b.getAttribute(attr)) === year ? "true" : "false");
    });
  };
  Page.prototype.guarded = function (id, message, fn) {
    try { fn(); } catch (e) {
      this.dealsLayout = null;  // rebuild tab 3 next time
      if (root.console) { root.console.warn(e); }
      $(id).replaceChildren(el("p", { "class": "tab-error" }, message));
    }
  };

  Page.prototype.renderSummary = function (cells) {
    document.querySelectorAll("#kpi-table td[data-row]").forEach(function (td) {
      var row = td.getAttribute("data-row"), col = td.getAttribute("data-col"), seg = td.getAttribute("data-seg");
      var text = cells[row + "|" + col + "|" + seg];
      if (td.hasAttribute("data-quality") && col !== "delta" && text !== "0" && text !== MISSING) {
        var button = el("button", { type: "button", "class": "quality-link" }, text);
        td.replaceChildren(button);
      } else {
        td.textContent = text;
      }
    });
  };

  Page.prototype.renderCharts = function (cells) {
    var self = this, ns = this.svgNs;
    function svgEl(tag, attrs, text) {
      var node = document.createElementNS(ns, tag);
      Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) { node.textContent = text; }
      return node;
    }
    document.querySelectorAll("svg[data-chart]").forEach(function (svg) {
      var chart = svg.getAttribute("data-chart"), years = [self.y1, self.y2];
      var values = {};
      var max = chart === "winRate" || chart === "cmRate" ? 1000n : 0n;
      years.forEach(function (y) {
        SEGMENT_KEYS.forEach(function (seg) {
          var v = chartValue(cells[chart + "|" + y + "|" + seg]);
          values[y + "|" + seg] = v;
          if ((chart === "leads" || chart === "wonAmount") && v !== null && v > max) { max = v; }
        });
      });
      var title = CHART_TITLES[chart] + ": " + years.map(function (y) {
        return y + " " + SEGMENT_KEYS.map(function (seg) { return SEGMENT_LABELS[seg] + " " + cells[chart + "|" + y + "|" + seg]; }).join(", ");
      }).join(" / ");
      svg.replaceChildren(svgEl("title", {}, title));
      svg.appendChild(svgEl("text", { x: 6, y: 14, "class": "chart-title" }, CHART_TITLES[chart]));
      years.forEach(function (y, i) {
        svg.appendChild(svgEl("rect", { x: 190 + i * 52, y: 6, width: 10, height: 10, fill: COLOURS[i], "class": "legend" }));
        svg.appendChild(svgEl("text", { x: 203 + i * 52, y: 15, "class": "legend" }, String(y)));
      });
      var base = 145, height = 105, bar = 36;
      SEGMENT_KEYS.forEach(function (seg, g) {
        var left = 10 + g * 97;
        years.forEach(function (y, i) {
          var v = values[y + "|" + seg];
          var h = v === null || v <= 0n || max <= 0n ? 0 : Number((v * BigInt(height * 100)) / max) / 100;
          var x = left + i * (bar + 6);
          svg.appendChild(svgEl("rect", { x: x, y: base - h, width: bar, height: h, fill: COLOURS[i],
                                          "data-year": String(y), "data-seg": seg }));
          svg.appendChild(svgEl("text", { x: x + bar / 2, y: base - h - 4, "text-anchor": "middle", "class": "bar-label",
                                          "data-year": String(y), "data-seg": seg }, cells[chart + "|" + y + "|" + seg]));
        });
        svg.appendChild(svgEl("text", { x: left + bar + 3, y: base + 16, "text-anchor": "middle", "class": "axis" },
                              SEGMENT_LABELS[seg]));
      });
      svg.appendChild(svgEl("line", { x1: 10, y1: base, x2: 295, y2: base, "class": "baseline" }));
    });
  };
  // A cell text back to its integer unit (count, tenths, hundredths) for the bar height; — → null.
  function chartValue(text) {
    if (text === MISSING) { return null; }
    var digits = text.replace(/[^0-9-]/g, "");
    return digits === "" || digits === "-" ? null : BigInt(digits);
  }

  Page.prototype.dealRow = function (d, cols, opts) {
    var parts = rowParts(d, this.merged);
    var tr = el("tr", { "data-deal-id": d.id });
    if (opts.before) { tr.appendChild(opts.before); }
    cols.forEach(function (col) {
      var td = el("td", { "data-col": col });
      var text = opts.overrides && opts.overrides[col] !== undefined && opts.overrides[col] !== null
        ? opts.overrides[col] : parts.cells[col];
      if (col === "org") {
        var name = el("span", { "class": d.customerKey === null ? "org-name muted" : "org-name" }, text);
        td.appendChild(name);
        if (parts.pill) { td.appendChild(document.createTextNode(" ")); td.appendChild(el("span", { "class": "pill" }, MERGED_PILL)); }
      } else {
        td.textContent = text;
      }
      if (col === "amount" || col === "net") { td.className = "num"; }
      tr.appendChild(td);
    });
    return tr;
  };
  function header(columns) {
    var thead = el("thead"), tr = el("tr");
    columns.forEach(function (c) { tr.appendChild(el("th", { scope: "col" }, c)); });
    thead.appendChild(tr);
    return thead;
  }
  var DEAL_COL_KEYS = DEAL_COLUMNS.map(function (c) { return c[0]; });
  var DEAL_COL_LABELS = DEAL_COLUMNS.map(function (c) { return c[1]; });

  Page.prototype.renderQualityList = function () {
    var box = $("quality-list"), q = this.state.quality, self = this;
    box.replaceChildren();
    if (q === null) { return; }
    var label = $("kpi-table").querySelector("tr[data-row-key='" + q.row + "'] .row-label").textContent;
    box.appendChild(el("h3", null, label + " · " + q.year + " · " + SEGMENT_LABELS[q.seg]));
    var ids = qualityList(this.data, this.people(), this.state.ids, q.row, q.year, q.seg);
    var withReason = q.row !== "qMissingNet";
    var table = el("table", { "class": "deals" });
    table.appendChild(header(DEAL_COL_LABELS.concat(withReason ? ["사유"] : [])));
    var body = el("tbody");
    ids.forEach(function (id) {
      var d = self.byId.get(id), extra = qualityExtras(self.data, d, q.row);
      var tr = self.dealRow(d, DEAL_COL_KEYS, { overrides: extra ? { contract: extra.contract } : null });
      if (extra) { tr.appendChild(el("td", { "data-col": "exclusionReason" }, extra.reason)); }
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
  };

  Page.prototype.renderFormats = function (rows) {
    var box = $("format-body"), online = new Set(this.data.onlineFormats);
    box.replaceChildren();
    if (rows.length === 0) { box.appendChild(el("p", { "class": "empty" }, "선택한 연도에 데이터가 없습니다.")); return; }
    var table = el("table", { "class": "formats" });
    table.appendChild(header(["과정포맷"].concat(FORMAT_COLUMNS.map(function (c) { return c[1]; }))));
    var body = el("tbody");
    rows.forEach(function (row) {
      var key = row[0], sub = key.endsWith(MONTHLY_SUFFIX) && online.has(key.slice(0, -MONTHLY_SUFFIX.length));
      var tr = el("tr", { "data-format": key });
      var th = el("th", { scope: "row" });
      if (sub) {
        tr.className = "sub";
        th.appendChild(el("span", { "class": "arrow" }, "↳ "));
        th.appendChild(document.createTextNode(key));
      } else {
        th.appendChild(document.createTextNode(key));
        if (online.has(key)) { th.appendChild(document.createTextNode(" ")); th.appendChild(el("span", { "class": "pill" }, "온라인")); }
      }
      tr.appendChild(th);
      FORMAT_COLUMNS.forEach(function (c, i) { tr.appendChild(el("td", { "data-col": c[0], "class": "num" }, row[1][i])); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
  };

  // Tab 3. The tables are rebuilt only when their rows change (year, selection); a tick or restore only updates
  // the rows' excluded state, so the re-render after a tick costs no new layout of a few hundred rows.
  Page.prototype.renderDeals = function () {
    var box = $("deals-body"), gone = new Set(this.state.ids);
    var lists = dealList(this.data, this.people(), this.state.dealsYear);
    var layout = JSON.stringify([lists, this.scopeText()]);
    if (layout !== this.dealsLayout) {
      this.dealsLayout = layout;
      this.buildDealTables(box, lists);
    }
    var all = this.allMode();
    box.querySelectorAll("tr[data-deal-id]").forEach(function (tr) {
      var on = gone.has(tr.getAttribute("data-deal-id")), toggle = tr.querySelector("input.exclude-toggle");
      var tag = tr.querySelector("td[data-col='exclude'] .tag");
      tr.classList.toggle("excluded", on);
      toggle.checked = on;
      toggle.disabled = all;
      if (on && !tag) { toggle.parentNode.appendChild(el("span", { "class": "tag" }, "제외됨")); }
      if (!on && tag) { tag.remove(); }
    });
  };
  Page.prototype.buildDealTables = function (box, lists) {
    var self = this;
    box.replaceChildren();
    if (lists[0].length + lists[1].length + lists[2].length === 0) {
      box.appendChild(el("p", { "class": "empty" }, "표시할 딜이 없습니다.")); return;
    }
    var caption = this.scopeText() + " / ALL(파트/셀 전체)에서는 체크박스 편집 불가";
    [["deals-existing", "기고객 딜", lists[0]], ["deals-new", "신규 딜", lists[1]], ["deals-no-org", "조직 미지정 딜", lists[2]]]
      .forEach(function (spec) {
        if (spec[0] === "deals-no-org" && spec[2].length === 0) { return; }
        box.appendChild(el("h3", null, spec[1] + " (" + spec[2].length + "건)"));
        var table = el("table", { id: spec[0], "class": "deals" });
        table.appendChild(el("caption", null, caption));
        table.appendChild(header(["제외"].concat(DEAL_COL_LABELS)));
        var body = el("tbody");
        spec[2].forEach(function (id) {
          var td = el("td", { "data-col": "exclude" });
          var toggle = el("input", { type: "checkbox", "class": "exclude-toggle", "aria-label": "제외" });
          toggle.addEventListener("change", function () { self.setExcluded(id, toggle.checked); });
          td.appendChild(toggle);
          body.appendChild(self.dealRow(self.byId.get(id), DEAL_COL_KEYS, { before: td }));
        });
        table.appendChild(body);
        box.appendChild(table);
      });
  };

  Page.prototype.renderExcluded = function () {
    var self = this, box = $("excluded-body"), all = this.allMode();
    box.replaceChildren(el("p", { "class": "note" }, this.scopeText() + " / ALL에서는 읽기 전용입니다."));
    var ids = excludedList(this.data, this.people(), this.state.ids);
    if (ids.length === 0) { box.appendChild(el("p", { "class": "empty" }, "제외된 딜이 없습니다.")); return; }
    var table = el("table", { id: "excluded-table", "class": "deals" });
    table.appendChild(header(DEAL_COL_LABELS.concat(["사유", "복구"])));
    var body = el("tbody");
    ids.forEach(function (id) {
      var tr = self.dealRow(self.byId.get(id), DEAL_COL_KEYS, {});
      var reason = self.state.reasons[id] || "", cell = el("td", { "data-col": "reason" });
      if (all) {
        cell.textContent = reason === "" ? MISSING : reason;
      } else {
        var input = el("input", { type: "text", "class": "reason", maxlength: "200", placeholder: "사유 입력", "aria-label": "사유" });
        input.value = reason;
        input.addEventListener("input", function () { self.state.reasons[id] = input.value; self.save(); });
        cell.appendChild(input);
      }
      tr.appendChild(cell);
      var restore = el("button", { type: "button", "class": "restore" }, "복구");
      restore.disabled = all;
      restore.addEventListener("click", function () { self.setExcluded(id, false); });
      var restoreCell = el("td", { "data-col": "restore" });
      restoreCell.appendChild(restore);
      tr.appendChild(restoreCell);
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
  };

  // Last, so that every table above is defined; a page without the data block (the tests' blank page) only
  // gets window.kpiReport.
  if (typeof document !== "undefined" && document.getElementById("kpi-data")) {
    startPage();
  }
}(window));
