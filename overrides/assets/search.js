/* Paragraph-level search for the Annotated UN Reports site.
 *
 * Two backends, one UI and one ranking:
 *  - served over http(s): Pagefind's chunked index (site/pagefind/), fetched per query;
 *  - opened from file:// (the offline bundle), or when Pagefind is missing: the whole index
 *    as assets/search-data.js, loaded with a plain <script> (fetch, ES modules and WASM do
 *    not work from file://) and searched here.
 * Records come from build_tools/search_index.py: {url, title, text, kind, context}; url is a
 * site path in directory style ("A/70/357/IV/#para-57"); context (the heading above, or a
 * report's symbols and title) is searched with the text, the displayed title is not.
 * A hit links to "<page>?h=<terms>#para-57"; on that page the paragraph is highlighted and
 * the terms are marked. All OCR text is inserted as text nodes, never as HTML.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript;
  var ROOT = SCRIPT ? SCRIPT.src.replace(/assets\/search\.js(\?.*)?$/, "") : "./";
  var OFFLINE = location.protocol === "file:";
  var MAX_HITS = 20;
  var PAGEFIND_CANDIDATES = 20; // Pagefind's best pages, whose records are re-ranked here, so both backends agree
  var PAGEFIND_BATCH = 5; // pages fetched at a time
  var DATA_GLOBAL = "__UN_REPORTS_SEARCH__";

  // -- text normalisation: words are runs of letters/digits, lower-cased, accents dropped --
  var WORD = /[\p{L}\p{N}]+/gu;
  function words(text) {
    return (text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(WORD) || []);
  }

  // A record's words, normalised once and kept on the record: a query is then only string
  // searches. Normalising every record again for each query cost ~1.4 s a query offline at
  // 1,000 reports (92,000 records); see docs/guide/search.md.
  function normalised(r) {
    if (r.hay === undefined) {
      // [""] + words + [""] joined: " w1 w2 " as one flat string (" " + s + " " would keep a
      // rope of three pieces until its first search copies it).
      r.head = [""].concat(words(r.context), [""]).join(" ");
      r.hay = [""].concat(words(r.context + " " + r.text), [""]).join(" ");
    }
    return r;
  }

  // How often needle occurs in hay, counting to cap at most (what hay.split(needle).length - 1
  // gives below the cap, without building the array).
  function occurrences(hay, needle, cap) {
    var n = 0;
    for (var i = hay.indexOf(needle); i >= 0 && n < cap; i = hay.indexOf(needle, i + needle.length)) n++;
    return n;
  }

  // A record matches when every query word starts some word of it; a record containing the
  // whole query as consecutive words ("1325 (2000)", "A/62/627") ranks first.
  function score(query, r) {
    var hay = normalised(r).hay, head = r.head;
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var n = occurrences(hay, " " + query[i], 5);
      if (!n) return 0;
      total += n;
    }
    var phrase = " " + query.join(" ");
    if (hay.indexOf(phrase + " ") >= 0) total += 100;
    else if (hay.indexOf(phrase) >= 0) total += 60;
    if (head.indexOf(phrase) >= 0) total += r.kind === "report" ? 300 : 40;
    return total;
  }

  // -- some of the words: when no record holds them all -------------------------------
  // Words too common to find a paragraph by (they still have to match, and are not marked).
  var UNMARKED = { a: 1, an: 1, and: 1, at: 1, be: 1, by: 1, for: 1, in: 1, is: 1, it: 1, of: 1, on: 1, or: 1, that: 1, the: 1, to: 1, with: 1 };
  // The query's words worth a partial match: words of three letters or more not in UNMARKED, once
  // each (no numbers: "A/99/999, para. 3" of an unpublished report finds no paragraph with a "3").
  var LETTER = /\p{L}/u;
  function partialWords(query) {
    return query.filter(function (q, i) { return q.length > 2 && LETTER.test(q) && !UNMARKED[q] && query.indexOf(q) === i; });
  }
  // Records holding some of the words, ranked by how many they hold, then by how rare those are
  // (the sum of the numbers of records holding each: "calendar" in one paragraph says more than
  // "electoral" in seventeen), then by their uses (at most 5 a word, as score counts), then in
  // record order. All integers: the tests rank the same way.
  function rankPartial(wanted, records) {
    var df = wanted.map(function () { return 0; });
    var uses = records.map(function (r) {
      var hay = normalised(r).hay;
      return wanted.map(function (q, k) { var n = occurrences(hay, " " + q, 5); if (n) df[k]++; return n; });
    });
    var hits = [];
    records.forEach(function (r, i) {
      var n = 0, rarity = 0, total = 0;
      uses[i].forEach(function (u, k) { if (u) { n++; rarity += df[k]; total += u; } });
      if (n) hits.push({ r: r, n: n, rarity: rarity, total: total, order: r.order === undefined ? i : r.order });
    });
    hits.sort(function (a, b) { return b.n - a.n || a.rarity - b.rarity || b.total - a.total || a.order - b.order; });
    return hits.slice(0, MAX_HITS).map(function (h) { return h.r; });
  }

  // Pagefind matches pages, stemming words ("mandated" finds "mandates"). A record it matched that
  // this scoring misses still counts, last, when every query word occurs in it give or take an
  // ending: its first letters (all but two, at least four) start a word of the record.
  function stemsOccur(query, r) {
    var hay = normalised(r).hay;
    return query.every(function (q) { return hay.indexOf(" " + (q.length > 4 ? q.slice(0, Math.max(4, q.length - 2)) : q)) >= 0; });
  }

  // keepAll: the Pagefind backend, whose stemmed matches count as above.
  function rank(query, records, keepAll) {
    var hits = [];
    records.forEach(function (r, i) {
      var s = score(query, r);
      // ties: the order of search-data.js (reports by symbol, then reading order), in both backends
      if (s || (keepAll && r.matched && stemsOccur(query, r))) hits.push({ r: r, s: s, order: r.order === undefined ? i : r.order });
    });
    hits.sort(function (a, b) { return b.s - a.s || a.order - b.order; });
    return hits.slice(0, MAX_HITS).map(function (h) { return h.r; });
  }

  // -- backends ------------------------------------------------------------------------
  var inlineRecords = null, inlineLoaded = false;
  function loadInline() {
    if (inlineRecords) return inlineRecords;
    inlineRecords = new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = ROOT + "assets/search-data.js";
      el.onload = function () {
        inlineLoaded = true;
        var data = window[DATA_GLOBAL];
        var records = data.rows.map(function (row) { return { url: row[0], title: row[1], text: row[2], kind: row[3], context: row[4], annex: row[5] }; });
        setTimeout(function () { warm(records, 0); }, 0);
        resolve(records);
      };
      el.onerror = function () { reject(new Error("search index missing")); };
      document.head.appendChild(el);
    });
    return inlineRecords;
  }

  // The index loads when the box gets focus; its records are then normalised a slice at a time
  // (~30 ms each, so typing stays responsive), and the first query usually finds the work done
  // (about 1.5 s of it at 1,000 reports). A query that comes first does the rest itself.
  var WARM_SLICE = 2000;
  function warm(records, from) {
    var end = Math.min(records.length, from + WARM_SLICE);
    for (var i = from; i < end; i++) normalised(records[i]);
    if (end < records.length) setTimeout(function () { warm(records, end); }, 0);
  }

  function inlineSearch(query) {
    return loadInline().then(function (records) { return rank(query, records); });
  }

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) pagefind = import(ROOT + "pagefind/pagefind.js");
    return pagefind;
  }

  // Pagefind indexes one page per site page (build_tools/search_index.pagefind_pages). Each
  // record's text starts at the word position of its fragment id and is row[4] UTF-16 units
  // long; a record Pagefind matched (with stemming) has a match location in its range.
  function pageRecords(d) {
    var rows = JSON.parse(d.meta.records || "[]");
    var tokens = d.content.trim().split(/\s+/); // Pagefind's word positions count these
    var at = { "": 0 };
    (d.anchors || []).forEach(function (a) { at[a.id] = a.location; });
    var out = [];
    rows.forEach(function (row, i) {
      var start = at[row[0]];
      if (start === undefined) return;
      var next = i + 1 < rows.length ? at[rows[i + 1][0]] : undefined;
      var end = next === undefined ? tokens.length : next;
      out.push({
        url: d.meta.target + (row[0] ? "#" + row[0] : ""), title: row[1], kind: row[2], context: row[3],
        text: tokens.slice(start, end).join(" ").slice(0, row[4]), order: row[5],
        matched: (d.locations || []).some(function (l) { return l >= start && l < end; })
      });
    });
    return out;
  }

  // Pages are fetched a batch at a time (each is a whole section), until the records found
  // fill a result list or PAGEFIND_CANDIDATES pages have been read.
  function pagefindSearch(query, raw) {
    return loadPagefind().then(function (pf) { return pf.search(raw); }).then(function (res) {
      var pages = res.results.slice(0, PAGEFIND_CANDIDATES);
      var records = [], found = 0;
      function next(from) {
        var batch = pages.slice(from, from + PAGEFIND_BATCH);
        return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
          datas.forEach(function (d) {
            pageRecords(d).forEach(function (r) {
              if (score(query, r)) found++; // this batch's records only
              records.push(r);
            });
          });
          if (found >= MAX_HITS || from + PAGEFIND_BATCH >= pages.length) return rank(query, records, true);
          return next(from + PAGEFIND_BATCH);
        });
      }
      return next(0);
    });
  }

  // Some of the words, served: the pages Pagefind finds for each word alone, the rarest word's
  // first (at most PAGEFIND_CANDIDATES a word and twice that in all, each read once), their
  // records ranked as offline.
  function pagefindPartial(wanted) {
    return loadPagefind().then(function (pf) {
      return Promise.all(wanted.map(function (q) { return pf.search(q); }));
    }).then(function (results) {
      var pages = {}, order = [];
      results.sort(function (a, b) { return a.results.length - b.results.length; });
      results.forEach(function (res) {
        res.results.slice(0, PAGEFIND_CANDIDATES).forEach(function (r) { if (!pages[r.id]) { pages[r.id] = r; order.push(r); } });
      });
      return Promise.all(order.slice(0, 2 * PAGEFIND_CANDIDATES).map(function (r) { return r.data(); }));
    }).then(function (datas) {
      var records = [];
      datas.forEach(function (d) { Array.prototype.push.apply(records, pageRecords(d)); });
      records.sort(function (a, b) { return a.order - b.order; });
      return rankPartial(wanted, records);
    });
  }

  // -- a citation typed in the box: "A/70/357, para. 12", "S/2015/682 para 7 (a)" ---------
  // Its first hit goes to the paragraph, through the paragraph's short address (a redirect
  // page, A/70/357/para-12/), when the site has it: over http HEAD requests ask (and a joint
  // report's other symbol is followed to its first), offline (no fetch from file://) the
  // loaded index does. The other hits follow as for any query.
  // "annex" alone is the document's one annex ("S/2015/421, annex, para. 3"): annex-para-3.
  // "enclosure" (after "annex" or alone) is the enclosed report, whose paragraphs are the document's.
  // "part two" (a part that numbers its paragraphs anew) and "draft resolution II" (a draft a
  // committee's report recommends) name paragraphs of their own: part-two-para-1, draft-resolution-II-para-1,
  // in an annex of drafts annex-draft-resolution-II-para-1 ("A/99/20, annex, draft resolution II, para. 1").
  // "preambular para. 3" is a resolution's third preambular paragraph: pp-3 (draft-resolution-II-pp-3);
  // negotiators' "PP3" and "OP3" (operative paragraph 3) are read too ("pp." with a full stop is pages).
  var CITATION = /^\s*([A-Z][A-Za-z0-9.\-]*(?:\/[A-Za-z0-9.\-()]+)+)\s*,?\s*(annex(?:\s+([IVXL]{1,6}|\d{1,3}))?\s*,?\s*)?(enclosure(?:\s+[IVX]{1,4}|\s+\d{1,2})?\s*,?\s*)?((?:part\s+(?:[a-z]+|\d{1,2})|draft\s+(?:resolution|decision)(?:\s+[IVXL]{1,6})?)\s*,?\s*)?(?:(preambular\s+)?para(?:graph)?s?\.?|(pp|op)(?=\s*\d))\s*(\d{1,4}(?:\.\d{1,3})?)((?:\s*\(\s*[a-z]{1,4}\s*\)){0,2})\s*\.?\s*$/i;
  // The id start of such paragraphs, as the site names them (a roman numeral in capitals, a number in words in lower case).
  function ownNumbering(typed) {
    var w = typed.replace(/[\s,]+$/, "").split(/\s+/);
    var numeral = function (x) { return /^[IVXL]+$/i.test(x) ? x.toUpperCase() : x.toLowerCase(); };
    if (w[0].toLowerCase() === "part") return { key: "part-" + numeral(w[1]), label: "part " + numeral(w[1]) };
    var kind = "draft " + w[1].toLowerCase() + (w[2] ? " " + w[2].toUpperCase() : "");
    return { key: kind.replace(/ /g, "-"), label: kind };
  }
  function citationTarget(raw) {
    var m = CITATION.exec(raw);
    if (!m || !/^[A-Z]/.test(m[1])) return null;
    var items = (m[9].match(/[a-z]{1,4}/gi) || []).map(function (x) { return x.toLowerCase(); });
    var preambular = Boolean(m[6]) || /^pp$/i.test(m[7] || "");
    var number = m[8];
    if (preambular && (items.length || number.indexOf(".") >= 0)) return null; // a preamble has no items
    var annex = m[2] ? (m[3] || "").toUpperCase() : null;
    var enclosure = m[4] ? ", " + m[4].replace(/[\s,]+$/, "").toLowerCase() : "";
    var own = m[5] ? ownNumbering(m[5]) : null;
    var plain = [(preambular ? "pp-" : "para-") + number].concat(items).join("-");
    var ownPlain = own ? own.key + "-" + plain : plain; // "draft-resolution-II-para-1"
    var id = annex === null ? ownPlain : "annex-" + (annex ? annex + "-" : "") + ownPlain;
    return {
      symbol: m[1], // as typed: symbols mix cases ("A/62/627/Add.1")
      id: id,
      plain: plain, // a report annexed to a letter has it under this id (and the other, a redirect)
      annex: annex,
      label: m[1] + (annex === null ? "" : ", annex" + (annex ? " " + annex : "")) + enclosure + (own ? ", " + own.label : "") + (preambular ? ", preambular para. " : ", para. ") + number + items.map(function (x) { return " (" + x + ")"; }).join("")
    };
  }

  // Offline: the folder of the report published under the symbol (its report record's
  // context starts with all its symbols) and the paragraph's id, if it has that paragraph.
  function indexedBase(c) {
    return loadInline().then(function (records) {
      var report = records.find(function (r) {
        return r.kind === "report" && (" " + r.context + " ").indexOf(" " + c.symbol + " ") >= 0;
      });
      var base = report && report.url;
      function has(id) {
        return records.some(function (r) {
          var rest = r.url.indexOf(base) === 0 ? r.url.slice(base.length) : "";
          return /^[^/]*\/?#/.test(rest) && rest.slice(rest.indexOf("#") + 1) === id; // not A/70/357/Add.1's pages
        });
      }
      if (!base) return null;
      if (has(c.id)) return { base: base, id: c.id };
      // A report annexed to a letter: "annex, para. 3" is its para-3 (served, a redirect page says so).
      if (c.annex !== null && report.annex === c.annex && has(c.plain)) return { base: base, id: c.plain };
      return null;
    });
  }

  function exists(url) {
    return fetch(ROOT + url, { method: "HEAD" }).then(function (r) { return r.ok; });
  }
  // Served: the symbol's folder (and the id) if it has the paragraph's address, else the first symbol's
  // folder of the joint report the symbol's page redirects to (its canonical link). A report
  // published under the symbol itself (it has data.json) has no such page to read: its index
  // page, a hundred kilobytes, is not fetched just to learn that.
  function servedBase(c) {
    var own = c.symbol + "/";
    return exists(own + c.id + "/").then(function (ok) {
      if (ok) return { base: own, id: c.id };
      return exists(own + "data.json").then(function (report) { return report ? null : redirectTarget(c, own); });
    });
  }
  function redirectTarget(c, own) {
    return fetch(ROOT + own).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
      var m = /<meta name="robots" content="noindex">[\s\S]*<link rel="canonical" href="([^"]+)">/.exec(html);
      if (!m) return null;
      var target = new URL(m[1], ROOT + own).href;
      if (target.indexOf(ROOT) !== 0) return null;
      var base = target.slice(ROOT.length);
      return exists(base + c.id + "/").then(function (ok) { return ok ? { base: base, id: c.id } : null; });
    });
  }

  function citationHit(raw) {
    var c = citationTarget(raw);
    if (!c) return Promise.resolve(null);
    return (OFFLINE ? indexedBase(c) : servedBase(c)).then(function (at) {
      return at ? { url: at.base + at.id + "/", title: c.label, text: "Go to the paragraph", kind: "goto", context: "" } : null;
    }, function () { return null; });
  }

  var backend = OFFLINE ? "inline" : "pagefind";
  // force: "inline" or "pagefind" for one call (the tests compare the two backends).
  function search(raw, force) {
    var query = words(raw);
    if (!query.length) return Promise.resolve([]);
    var hits, served = (force || backend) === "pagefind";
    if (served) {
      hits = pagefindSearch(query, raw).catch(function (err) {
        if (force) throw err;
        backend = "inline"; // Pagefind not built (or blocked): fall back to the inline index
        served = false;
        return inlineSearch(query);
      });
    } else {
      hits = inlineSearch(query);
    }
    // No record holds every word: those that hold some of them, marked partial (the box says so).
    var wanted = partialWords(query);
    var partial = false;
    hits = hits.then(function (all) {
      if (all.length || wanted.length < 2) return all;
      partial = true;
      return served ? pagefindPartial(wanted) : loadInline().then(function (records) { return rankPartial(wanted, records); });
    });
    return Promise.all([hits, citationHit(raw)]).then(function (both) {
      var out = both[1] ? [both[1]].concat(both[0].slice(0, MAX_HITS - 1)) : both[0];
      out.partial = partial && both[0].length > 0;
      return out;
    });
  }
  // The ranked records for a query: {url, title, text, kind, context}, best first; .partial
  // when none holds every word and these hold some.
  window.UNReportsSearch = { search: search };

  // -- links ---------------------------------------------------------------------------
  // Site path + fragment -> link from this page; the file system has no directory indexes.
  // raw: the query, whose terms the target page marks; none for a citation's own hit.
  function hitHref(url, raw) {
    var parts = url.split("#");
    var path = parts[0];
    if (OFFLINE && (path === "" || path.slice(-1) === "/")) path += "index.html";
    var href = ROOT + path + (raw ? "?h=" + encodeURIComponent(raw.trim()) : "");
    return parts.length > 1 ? href + "#" + parts[1] : href;
  }

  // -- excerpt: the words around the first match, terms (not UNMARKED) in <mark> -------
  function appendMarked(parent, text, query) {
    query = query.filter(function (q) { return !UNMARKED[q]; });
    var re = new RegExp("[\\p{L}\\p{N}]+", "gu");
    var last = 0, m;
    while ((m = re.exec(text))) {
      var w = words(m[0])[0] || "";
      var hit = query.some(function (q) { return w.indexOf(q) === 0; });
      if (!hit) continue;
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      parent.appendChild(mark);
      last = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function excerpt(text, query) {
    var lower = text.toLowerCase();
    var at = -1;
    query.forEach(function (q) { var i = lower.indexOf(q); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, start + 220);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  // -- UI ------------------------------------------------------------------------------
  var form, input, panel, timer, lastRun = 0;

  function render(hits, raw) {
    var query = words(raw);
    panel.textContent = "";
    if (!hits.length || hits.partial) {
      var none = document.createElement("p");
      none.className = hits.partial ? "rs-none rs-partial" : "rs-none";
      none.setAttribute("role", "status"); // announced, as showStatus's lines are
      none.textContent = !raw.trim() ? "" : hits.partial
        ? "No paragraph holds all of “" + raw.trim() + "”. Paragraphs with some of the words:"
        : "No paragraph matches “" + raw.trim() + "”.";
      panel.appendChild(none);
    }
    hits.forEach(function (r) {
      var a = document.createElement("a");
      a.className = "rs-hit rs-kind-" + r.kind;
      a.href = hitHref(r.url, r.kind === "goto" ? "" : raw);
      var t = document.createElement("span");
      t.className = "rs-title";
      t.textContent = r.title;
      var x = document.createElement("span");
      x.className = "rs-excerpt";
      appendMarked(x, excerpt(r.text, query), r.kind === "goto" ? [] : query); // "Go to the paragraph" has no terms to mark
      a.appendChild(t);
      a.appendChild(x);
      panel.appendChild(a);
    });
    panel.hidden = false;
    form.setAttribute("data-backend", backend);
  }

  // A line in the panel instead of results; role=status, so screen readers announce it.
  function showStatus(text, className) {
    panel.textContent = "";
    var p = document.createElement("p");
    p.className = "rs-none " + className;
    p.setAttribute("role", "status");
    p.textContent = text;
    panel.appendChild(p);
    panel.hidden = false;
  }

  // A query that takes a while says so: the offline index of a large collection loads whole on
  // first use (~3 s at 1,000 reports, see docs/guide/search.md). A failed search says that too,
  // rather than showing nothing.
  var STATUS_DELAY = 200; // ms: a fast answer shows no flicker of a status line
  function run() {
    var raw = input.value;
    var ticket = ++lastRun;
    if (!raw.trim()) { panel.hidden = true; return; }
    var slow = setTimeout(function () {
      if (ticket !== lastRun) return;
      var loading = backend === "inline" && !inlineLoaded;
      showStatus(loading ? "Loading the search index…" : "Searching…", "rs-pending");
    }, STATUS_DELAY);
    search(raw).then(function (hits) {
      clearTimeout(slow);
      if (ticket === lastRun) render(hits, raw);
    }, function () {
      clearTimeout(slow);
      if (ticket === lastRun) showStatus("Search is unavailable: its index could not be loaded.", "rs-error");
    });
  }

  function buildUI() {
    var host = document.querySelector(".md-header__inner");
    if (!host) return;
    form = document.createElement("form");
    form.className = "rs-search";
    form.setAttribute("role", "search");
    input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.placeholder = "Search paragraphs, symbols…";
    input.setAttribute("aria-label", "Search the reports");
    input.autocomplete = "off";
    panel = document.createElement("div");
    panel.className = "rs-results";
    panel.hidden = true;
    form.appendChild(input);
    form.appendChild(panel);
    var title = host.querySelector(".md-header__title");
    host.insertBefore(form, title ? title.nextSibling : null);

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("focus", function () { if (OFFLINE || backend === "inline") loadInline(); });
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") { panel.hidden = true; input.blur(); } });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = panel.querySelector(".rs-hit");
      if (first) location.href = first.href;
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) panel.hidden = true; });
  }

  // -- on the target page: mark the terms (reports.js highlights the paragraph itself) --
  function highlightTarget() {
    var params = new URLSearchParams(location.search);
    var raw = params.get("h");
    if (raw && input) input.value = raw;
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el || !raw) return;
    var query = words(raw);
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement.closest(".para-num, sup")) nodes.push(walker.currentNode);
    }
    nodes.forEach(function (node) {
      var frag = document.createDocumentFragment();
      appendMarked(frag, node.nodeValue, query);
      node.parentNode.replaceChild(frag, node);
    });
    el.scrollIntoView({ block: "center" });
  }

  function start() {
    buildUI();
    highlightTarget();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.addEventListener("hashchange", highlightTarget);
})();
