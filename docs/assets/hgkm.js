/* Page script of the HGKM monitor: keeps the chosen region (?regio=<slug or CBS code>) in sync
 * across selector, charts, tables, key figures, the URL and links to other pages. A classic script
 * (module scripts are blocked under file://). Every chart arrives drawn (SVG made at build time,
 * build_data/pages/static_chart.py) with its precompiled Vega spec beside it; the Vega runtime
 * (assets/vendor/vega.min.js) is loaded only when the reader needs it: a region the drawing does
 * not show, a tooltip, an export, a period loaded later, a width the drawing does not fit. Only the
 * parts of a page a first visit does not show (other periods, the rows of municipalities) come in a
 * script of their own when asked for. The URL wins over the remembered region. */
(function () {
  "use strict";

  // the runtime lies beside this script: assets/vendor/vega.min.js (also from disk, file://)
  var SELF = document.currentScript && document.currentScript.src;
  var RUNTIME = SELF ? SELF.replace(/hgkm\.js(\?.*)?$/, "vendor/vega.min.js") : "../assets/vendor/vega.min.js";

  var NL = "nederland";
  var STORE = "hgkm-regio";
  // Dutch number format as the CBS writes it: 64 425 (no-break space), 55,6
  var LOCALE = { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["€\u00a0", ""], percent: "\u00a0%" };
  var views = [];

  function storageGet() { try { return window.localStorage.getItem(STORE); } catch (e) { return null; } }
  function storageSet(v) { try { window.localStorage.setItem(STORE, v); } catch (e) { /* private mode */ } }

  function selectors() { return Array.prototype.slice.call(document.querySelectorAll("select.hgkm-regio")); }

  /* A part of the page (build_data/pages/parts.py): a classic script assets/delen/<name>.js that
   * puts its content in window.HGKM_DELEN[name]; a <script src> also loads from disk (file://). */
  var partLoads = {};
  function loadPart(src) {
    var name = src.replace(/^.*\//, "").replace(/\.js$/, "");
    if (!partLoads[name]) {
      partLoads[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = function () {
          var part = window.HGKM_DELEN && window.HGKM_DELEN[name];
          if (part) resolve(part); else reject(new Error("deel " + name + " is leeg"));
        };
        s.onerror = function () { delete partLoads[name]; reject(new Error("deel " + src + " niet geladen")); };
        document.head.appendChild(s);
      });
    }
    return partLoads[name];
  }

  /* The Vega runtime, inserted as a classic script the first time a chart needs it. */
  var runtimeLoad = null;
  function loadRuntime() {
    if (typeof vega !== "undefined") return Promise.resolve();
    if (!runtimeLoad) {
      runtimeLoad = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = RUNTIME;
        s.onload = function () { resolve(); };
        s.onerror = function () { runtimeLoad = null; reject(new Error("Vega niet geladen: " + RUNTIME)); };
        document.head.appendChild(s);
      });
    }
    return runtimeLoad;
  }

  /* Whether the drawing made at build time shows what the chart must show now: the area it was
   * drawn for (data-statisch; 'elk': the same for every region), or a region the chart has no rows
   * of when the drawing's own area has none either (nothing highlighted in both); and at a width
   * it fits (scaled by no more than 0.85-1.2: text stays the size it was drawn at). */
  var FIT = [0.85, 1.2];
  function drawingShows(el) {
    var svg = shownDrawing(el);
    if (!svg || !drawingShowsArea(el)) return false;
    var ratio = el.clientWidth / Number(svg.getAttribute("data-breedte"));
    return !ratio || (ratio >= FIT[0] && ratio <= FIT[1]);
  }

  /* Whether the drawing shows the area chosen: drawn for it, or for every area, or neither has
   * figures in the chart (both show the same). */
  function drawingShowsArea(el) {
    var drawn = el.getAttribute("data-statisch");
    if (!drawn) return false;
    var shown = el.getAttribute("data-regio") || NL;
    return drawn === "elk" || shown === drawn || (!hasArea(el, shown) && !hasArea(el, drawn));
  }

  /* Whether a chart has figures for an area (its data-gebieden). */
  function hasArea(el, slug) {
    return (el.getAttribute("data-gebieden") || "").split(",").indexOf(slug) >= 0;
  }

  /* The drawing the stylesheet shows at this width (one for a phone, one for a wide screen). */
  function shownDrawing(el) {
    var svgs = el.querySelectorAll("svg.hgkm-statisch");
    for (var i = 0; i < svgs.length; i++) if (window.getComputedStyle(svgs[i]).display !== "none") return svgs[i];
    return null;
  }

  /* The page keeps the drawing the stylesheet shows at this width and drops the other (print uses
   * the one kept; a window later made narrower or wider gets the runtime's chart). */
  function keepShownDrawings() {
    var els = document.querySelectorAll(".hgkm-chart[data-statisch]");
    for (var i = 0; i < els.length; i++) {
      var svgs = els[i].querySelectorAll("svg.hgkm-statisch");
      if (svgs.length < 2 || !shownDrawing(els[i])) continue;  // in a hidden period box: nothing is shown there yet
      for (var j = 0; j < svgs.length; j++) if (window.getComputedStyle(svgs[j]).display === "none") els[i].removeChild(svgs[j]);
    }
  }

  /* The charts on view (not in a period not shown) that need the runtime now; a drawing that no
   * longer shows the chosen area is hidden meanwhile ('De grafiek wordt getekend…'), never shown
   * under a caption that names another area. */
  function chartsToDraw() {
    return Array.prototype.slice.call(document.querySelectorAll(".hgkm-chart[data-spec], .hgkm-chart[data-spec-bron]")).filter(function (el) {
      if (el.hgkmDrawn || el.closest(".hgkm-periodevak[hidden]")) return false;
      if (live || !drawingShows(el)) {
        if (el.hasAttribute("data-statisch") && !drawingShowsArea(el)) el.setAttribute("data-verouderd", "ja");
        return true;
      }
      el.setAttribute("data-getekend", "statisch");
      return false;
    });
  }

  /* Draws with the runtime what the drawings cannot show (all charts once the reader has asked for
   * the runtime: a tooltip, an export). Resolves when they are drawn. */
  var live = false, liveDrawn = null;
  function refreshCharts() {
    if (!chartsToDraw().length) return Promise.resolve();
    return loadRuntime().then(drawCharts).catch(function (err) {
      var els = document.querySelectorAll(".hgkm-chart[data-verouderd]");
      for (var i = 0; i < els.length; i++) {
        els[i].removeAttribute("data-verouderd");
        var note = els[i].closest(".hgkm-figuur").querySelector(".hgkm-noot");
        if (note) { note.textContent = "De grafiek kon niet opnieuw worden getekend; de tabel hieronder geeft de cijfers van het gekozen gebied."; note.hidden = false; }
      }
      if (window.console) console.error(err);
    });
  }

  /* The reader reaches for a chart (pointer, touch, keyboard on a selector, map or export): from
   * now on the charts are drawn by the runtime, with tooltips. */
  function wantLive() {
    if (!live) {
      live = true;
      liveDrawn = refreshCharts();
    }
    return liveDrawn;
  }

  /* Map a slug or CBS code (any case) to a slug known on this page; null when unknown. */
  /* All regions (assets/regios.js, generated from datapackages/regions): slug, code, naam. */
  function allRegions() { return window.HGKM_REGIOS || []; }

  /* Map a slug or CBS code (any case) to a region slug; null when unknown. On a page with a
   * selector only the regions it offers count (those with figures for the period shown). */
  function normalise(key) {
    if (!key) return null;
    key = String(key).trim().toLowerCase();
    var sel = selectors()[0];
    var options = sel ? Array.prototype.filter.call(sel.options, function (o) { return !o.disabled; }).map(function (o) {
      return { slug: o.value, code: o.getAttribute("data-code") || "" };
    }) : allRegions();
    for (var i = 0; i < options.length; i++) {
      if (options[i].slug === key || options[i].code.toLowerCase() === key) return options[i].slug;
    }
    return null;
  }

  /* A choice of period (select.hgkm-periode): the build made the figures and maps of every period
   * (.hgkm-periodevak, data-periode); the script shows the chosen one and offers the regions that
   * have figures in it (the areas of its chart). ?periode=2023-H1 opens that period. */
  function periodSelects() { return Array.prototype.slice.call(document.querySelectorAll("select.hgkm-periode")); }

  function periodAreas() {
    var chart = document.querySelector(".hgkm-periodevak:not([hidden]) .hgkm-chart[data-gebieden]");
    return chart ? chart.getAttribute("data-gebieden").split(",") : null;
  }

  function offerRegions() {
    var areas = periodAreas();
    selectors().forEach(function (s) {
      for (var i = 0; i < s.options.length; i++) {
        // municipalities (GM) are not in the comparison of the regions: offered as the build listed them
        var o = s.options[i], gm = /^GM/.test(o.getAttribute("data-code") || "");
        var off = areas !== null && o.value !== NL && !gm && areas.indexOf(o.value) < 0;
        o.hidden = off;
        o.disabled = off;
      }
    });
  }

  /* The figures of a period other than the latest come from the part named by its box (data-deel). */
  function fillPeriod(box) {
    var src = box && box.getAttribute("data-deel");
    if (!src) return Promise.resolve();
    return loadPart(src).then(function (part) {
      box.innerHTML = part[box.getAttribute("data-periode")];
    }).catch(function (err) {
      box.textContent = "De cijfers van deze periode konden niet worden geladen; ze staan in de downloads (Data).";
      if (window.console) console.error(err);
    }).then(function () { box.removeAttribute("data-deel"); });
  }

  /* Shows the chosen period (?periode=, else the latest): resolves with its option once its figures are on the page. */
  function setPeriod(period, announce) {
    var sels = periodSelects();
    if (!sels.length) return Promise.resolve(null);
    var options = Array.prototype.slice.call(sels[0].options), latest = options.filter(function (o) { return o.defaultSelected; })[0] || options[options.length - 1];
    var chosen = options.filter(function (o) { return o.value === period; })[0] || latest;
    sels.forEach(function (s) { s.value = chosen.value; });
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".hgkm-periodevak"));
    var box = boxes.filter(function (b) { return b.getAttribute("data-periode") === chosen.value; })[0];
    return fillPeriod(box).then(function () {
      boxes.forEach(function (b) { b.hidden = b !== box; });
      showPeriod(chosen, latest, announce);
      return chosen;
    });
  }

  function showPeriod(chosen, latest, announce) {
    offerRegions();
    var params = new URLSearchParams(window.location.search);
    if (chosen !== latest) params.set("periode", chosen.value); else params.delete("periode");
    var qs = params.toString();
    try { history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : "") + window.location.hash); } catch (e) { /* ignore */ }
    var msgs = document.querySelectorAll(".hgkm-periodemelding");
    for (var j = 0; j < msgs.length; j++) msgs[j].textContent = announce ? "Periode gekozen: " + chosen.text : "";
  }

  /* After a change of period: the chosen region, if it has figures then (else Nederland, said so), and the charts now shown. */
  function periodChanged(sel) {
    document.documentElement.removeAttribute("data-grafieken");
    setPeriod(sel.value, true).then(function (chosen) {
      var slug = document.documentElement.getAttribute("data-regio") || NL;
      if (slug !== NL && !normalise(slug)) {
        var msgs = document.querySelectorAll(".hgkm-periodemelding");
        for (var j = 0; j < msgs.length; j++) msgs[j].textContent = "Periode gekozen: " + chosen.text + ". " + regionName(slug) + " heeft in deze periode geen cijfers; u ziet Nederland.";
        slug = NL;
      }
      return setRegion(slug, false);
    }).then(refreshCharts).then(function () { document.documentElement.setAttribute("data-grafieken", "klaar"); });
  }

  function regionInfo(key) {
    key = String(key || "").trim().toLowerCase();
    var all = allRegions();
    for (var i = 0; i < all.length; i++) if (all[i].slug === key || all[i].code.toLowerCase() === key) return all[i];
    return null;
  }

  /* The region a profile page (regio/<slug>.html) is about; null on other pages. */
  function pageRegion() {
    var el = document.querySelector("[data-pagina-regio]");
    return el ? el.getAttribute("data-pagina-regio") : null;
  }

  function regionName(slug) {
    var all = allRegions();
    for (var i = 0; i < all.length; i++) if (all[i].slug === slug) return all[i].naam;
    var sel = selectors()[0];
    if (sel) for (var j = 0; j < sel.options.length; j++) if (sel.options[j].value === slug) return sel.options[j].text;
    return slug;
  }

  function initialRegion() {
    var fromUrl = new URLSearchParams(window.location.search).get("regio");
    var key = fromUrl !== null ? fromUrl : storageGet();
    var slug = normalise(key);
    if (!slug && key) {
      // a known region without figures for the period on this page (e.g. Oost-Brabant, from 2023)
      var info = regionInfo(key);
      if (info) unavailable = info;
      // an address with a region this site does not know (a typo, an old name): said, not silently Nederland
      else if (fromUrl !== null && fromUrl.trim() !== "") unavailable = { naam: fromUrl, onbekend: true };
    }
    return slug || NL;
  }
  var unavailable = null;

  /* A link to a region profile carries its own region: never add ?regio= to it. */
  function isProfileLink(href) {
    try {
      var path = new URL(href, window.location.href).pathname;
      return /\/regio\/[^\/]+\.html$/.test(path) && !/\/index\.html$/.test(path);
    } catch (e) { return false; }
  }

  function withRegion(href, slug) {
    // Internal page links only: relative .html links, keeping any #anchor.
    if (!href || /^(?:[a-z]+:|\/\/|#)/i.test(href) || href.indexOf(".html") < 0) return null;
    if (isProfileLink(href)) return null;
    var hash = "", i = href.indexOf("#");
    if (i >= 0) { hash = href.slice(i); href = href.slice(0, i); }
    var q = href.indexOf("?"), path = q >= 0 ? href.slice(0, q) : href;
    var params = new URLSearchParams(q >= 0 ? href.slice(q + 1) : "");
    if (slug && slug !== NL) params.set("regio", slug); else params.delete("regio");
    var qs = params.toString();
    return path + (qs ? "?" + qs : "") + hash;
  }

  function updateLinks(slug) {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (a.hasAttribute("download")) continue;
      var next = withRegion(a.getAttribute("href"), slug);
      if (next !== null) a.setAttribute("href", next);
    }
  }

  function updateUrl(slug) {
    var params = new URLSearchParams(window.location.search);
    if (slug !== NL) params.set("regio", slug); else params.delete("regio");
    var qs = params.toString();
    try { history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : "") + window.location.hash); } catch (e) { /* ignore */ }
    var urls = document.querySelectorAll(".hgkm-printurl");
    for (var i = 0; i < urls.length; i++) urls[i].textContent = publishedUrl();
  }

  /* The document title names the region shown (tabs, bookmarks, history, print headers). */
  var baseTitle = null;
  function updateTitle(slug) {
    if (baseTitle === null) baseTitle = document.title;
    if (!selectors().length || pageRegion()) return;  // a page without a choice, or a profile (its title names its region)
    document.title = slug === NL ? baseTitle : regionName(slug) + " \u00b7 " + baseTitle;
  }

  function areaFor(el, slug) {
    return hasArea(el, slug) ? slug : NL;
  }

  function updateFigure(fig, slug) {
    var chart = fig.querySelector(".hgkm-chart");
    if (!chart) return;
    var kind = fig.getAttribute("data-soort");
    var area = kind === "halfjaar-reeks" ? areaFor(chart, slug) : slug;
    var note = fig.querySelector(".hgkm-noot");
    if (note) {
      if (kind === "halfjaar-reeks" && area !== slug) {
        note.textContent = "Voor " + regionName(slug) + " zijn geen cijfers per periode beschikbaar; de grafiek toont Nederland.";
        note.hidden = false;
      } else if (fig.getAttribute("data-landelijk") === "ja" && slug !== NL) {
        note.textContent = "Deze cijfers zijn alleen landelijk beschikbaar, niet voor " + regionName(slug) + ".";
        note.hidden = false;
      } else {
        note.hidden = true;
      }
    }
    var rows = fig.querySelectorAll("table.hgkm-waarden tbody tr");
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], rs = r.getAttribute("data-regio");
      if (kind === "halfjaar-reeks") r.hidden = rs !== area;
      r.classList.toggle("hgkm-gekozen", rs === slug && slug !== NL);
    }
    var named = fig.querySelector(".hgkm-titel-gebied");
    if (named) named.textContent = regionName(area);
    // figures of another period length listed beside a series of several areas, and the notes on
    // its gaps: those of the area shown
    var items = fig.querySelectorAll("li[data-regio], .hgkm-gaten[data-regio]");
    for (var k = 0; k < items.length; k++) items[k].hidden = kind === "halfjaar-reeks" && items[k].getAttribute("data-regio") !== area;
    chart.setAttribute("data-regio", area);
  }

  function updateKeyFigures(slug) {
    var tiles = document.querySelectorAll(".hgkm-kerncijfer[data-waarden]");
    for (var i = 0; i < tiles.length; i++) {
      var t = tiles[i], values = JSON.parse(t.getAttribute("data-waarden"));
      var v = values[slug] || values[NL];
      if (!v) continue;
      t.querySelector(".hgkm-kc-waarde").textContent = v.waarde;
      t.querySelector(".hgkm-kc-gebied").textContent = v.naam;
      t.querySelector(".hgkm-kc-periode").textContent = v.periode;
      t.classList.toggle("hgkm-kc-landelijk", !values[slug] && slug !== NL);
    }
  }

  function updateMaps(slug) {
    var tiles = document.querySelectorAll(".hgkm-kaart-regio");
    for (var i = 0; i < tiles.length; i++) {
      var on = tiles[i].getAttribute("data-regio") === slug;
      tiles[i].classList.toggle("hgkm-gekozen", on);
      if (tiles[i].getAttribute("role") === "button") tiles[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
    // The outline of the chosen region is drawn on top by a <use> at the end of the map, so that
    // neighbours do not cover it and the tab order of the regions never changes.
    var outlines = document.querySelectorAll(".hgkm-kaart-omlijning");
    for (var j = 0; j < outlines.length; j++) {
      var svg = outlines[j].ownerSVGElement, shape = svg && svg.querySelector(".hgkm-kaart-regio[data-regio='" + slug + "'] .hgkm-kaart-vorm");
      if (shape) outlines[j].setAttribute("href", "#" + shape.id); else outlines[j].removeAttribute("href");
    }
  }

  function updateProfileLinks(slug) {
    var links = document.querySelectorAll("a.hgkm-profiellink");
    for (var i = 0; i < links.length; i++) {
      var a = links[i], base = a.getAttribute("data-basis");
      if (base === null) { base = a.getAttribute("href").replace(/index\.html$/, ""); a.setAttribute("data-basis", base); }
      a.hidden = slug === NL || pageRegion() !== null;
      a.setAttribute("href", base + slug + ".html");
      a.textContent = "Regioprofiel " + regionName(slug);
    }
  }

  /* The iframe code on an indicator page: absolute URL of its embed page, with the region. */
  function updateEmbeds(slug) {
    var areas = document.querySelectorAll("textarea.hgkm-embedcode");
    for (var i = 0; i < areas.length; i++) {
      var ta = areas[i], url = new URL(ta.getAttribute("data-embed"), window.location.href);
      url.search = slug !== NL ? "?regio=" + encodeURIComponent(slug) : "";
      var title = (ta.getAttribute("data-titel") || "").replace(/"/g, "&quot;");
      ta.value = '<iframe src="' + url.href + '" title="' + title + '" width="100%" height="640" style="border:0" loading="lazy"></iframe>';
    }
  }

  /* PNG or SVG of a drawn chart, as shown (with the chosen region), downloaded by the browser. */
  /* The page's published address (the canonical link MkDocs writes when SITE_URL was set at build
   * time, also in the offline copy), with the chosen region and period; else this address. */
  function publishedUrl() {
    var canon = document.querySelector("link[rel=canonical]");
    if (!canon) return window.location.href;
    var url = new URL(canon.href);
    url.search = window.location.search;
    url.hash = window.location.hash;
    return url.href;
  }

  /* What an exported chart says besides its marks: title, area and period, source, symbols, address. */
  function provenance(fig, slug) {
    var text = function (sel) { var e = fig.querySelector(sel); return e ? e.textContent.replace(/\s+/g, " ").trim() : ""; };
    var el = fig.querySelector(".hgkm-chart");
    var area = fig.getAttribute("data-landelijk") === "ja" ? "Nederland" : regionName((el && el.getAttribute("data-regio")) || slug);
    var kind = fig.getAttribute("data-soort");
    return {
      title: text(".hgkm-titel"),
      meta: [kind === "regio-vergelijking" ? "Gemarkeerd: " + area : "Gebied: " + area, "Periode: " + (fig.getAttribute("data-perioden") || "")].join(" \u00b7 "),
      foot: [text(".hgkm-bron"), fig.getAttribute("data-tekens") || "", "Impactmonitor aanpak huiselijk geweld en kindermishandeling \u00b7 " + publishedUrl()].filter(Boolean)
    };
  }

  function wrapLines(text, max) {
    var out = [], line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > max) { out.push(line); line = word; } else line = line ? line + " " + word : word;
    });
    if (line) out.push(line);
    return out;
  }

  function escapeXml(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }

  var EXPORT_FONT = "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";

  /* The lines of an export around a chart of the given width: [{text, size, bold, y}], header height, footer height. */
  function exportLayout(info, width) {
    var max = Math.max(30, Math.floor(width / 6.6)), lines = [], y = 18;
    wrapLines(info.title, Math.floor(max * 0.85)).forEach(function (t) { lines.push({ text: t, size: 14, bold: true, y: y }); y += 18; });
    wrapLines(info.meta, max).forEach(function (t) { lines.push({ text: t, size: 12, bold: false, y: y }); y += 16; });
    var head = y, foot = [], fy = 14;
    info.foot.forEach(function (f) { wrapLines(f, max).forEach(function (t) { foot.push({ text: t, size: 11, bold: false, y: fy }); fy += 14; }); });
    return { head: head, lines: lines, foot: foot, footHeight: fy };
  }

  /* PNG or SVG of a drawn chart as shown (with the chosen region), with its provenance, downloaded by the browser. */
  function exportChart(button) {
    var fig = button.closest(".hgkm-figuur"), el = fig && fig.querySelector(".hgkm-chart");
    var found = views.filter(function (v) { return v.el === el; })[0];
    if (!found) {
      // drawn at build time: the export is made by the runtime, which draws the chart first
      if (el && !el.hgkmExporting) { el.hgkmExporting = true; wantLive().then(function () { el.hgkmExporting = false; exportChart(button); }); }
      return;
    }
    var format = button.getAttribute("data-formaat");
    var slug = document.documentElement.getAttribute("data-regio") || NL;
    var name = button.getAttribute("data-bestand") + (slug !== NL ? "-" + slug : "") + "." + format;
    var info = provenance(fig, slug);
    var made = format === "svg" ? found.view.toSVG().then(function (svg) { return svgExport(svg, info); })
      : found.view.toCanvas(2).then(function (canvas) { return pngExport(canvas, info, 2); });
    made.then(function (url) {
      var a = document.createElement("a");
      a.href = url; a.download = name; a.hidden = true;
      document.body.appendChild(a); a.click(); document.body.removeChild(a);
    }).catch(function (err) { if (window.console) console.error(err); });
  }

  function svgExport(svg, info) {
    var w = Number((/width="([0-9.]+)"/.exec(svg) || [])[1]) || 600, h = Number((/height="([0-9.]+)"/.exec(svg) || [])[1]) || 300;
    var lay = exportLayout(info, w), total = lay.head + h + lay.footHeight;
    var text = function (l, dy) {
      return '<text x="8" y="' + (l.y + dy) + '" font-size="' + l.size + '"' + (l.bold ? ' font-weight="bold"' : "") + ">" + escapeXml(l.text) + "</text>";
    };
    var out = '<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + total + '" viewBox="0 0 ' + w + " " + total +
      '" font-family="' + escapeXml(EXPORT_FONT) + '" fill="#1a1a1a"><title>' + escapeXml(info.title) + "</title>" +
      '<rect width="100%" height="100%" fill="#ffffff"/>' + lay.lines.map(function (l) { return text(l, 0); }).join("") +
      svg.replace("<svg", '<svg x="0" y="' + lay.head + '"') +
      lay.foot.map(function (l) { return text(l, lay.head + h); }).join("") + "</svg>";
    return URL.createObjectURL(new Blob([out], { type: "image/svg+xml" }));
  }

  function pngExport(chart, info, scale) {
    var w = chart.width / scale, h = chart.height / scale, lay = exportLayout(info, w);
    var canvas = document.createElement("canvas");
    canvas.width = chart.width;
    canvas.height = (lay.head + h + lay.footHeight) * scale;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.fillStyle = "#1a1a1a";
    var draw = function (l, dy) { ctx.font = (l.bold ? "bold " : "") + l.size + "px " + EXPORT_FONT; ctx.fillText(l.text, 8, l.y + dy); };
    lay.lines.forEach(function (l) { draw(l, 0); });
    ctx.drawImage(chart, 0, lay.head, w, h);
    lay.foot.forEach(function (l) { draw(l, lay.head + h); });
    return canvas.toDataURL("image/png");
  }

  /* The part (0 .. n-1) holding an area's rows: the hash build_data/pages/parts.py bucket computes. */
  function areaPart(slug, n) {
    var h = 0;
    for (var i = 0; i < slug.length; i++) h = (h * 31 + slug.charCodeAt(i)) % 4294967296;
    return h % n;
  }

  /* A municipality chosen: its rows in each series that has them come from the part that holds
   * them (about 20 municipalities a part; the figure names where, data-deel-gemeenten, and how
   * many, data-delen) and are added to the figure's table, its list of other figures and its chart. */
  function municipalRows(slug) {
    var info = regionInfo(slug);
    if (!info || !/^GM/.test(info.code)) return null;  // nothing to load
    var jobs = Array.prototype.slice.call(document.querySelectorAll(".hgkm-figuur[data-deel-gemeenten]")).map(function (fig) {
      var el = fig.querySelector(".hgkm-chart");
      if (!el || !hasArea(el, slug)) return null;
      var k = areaPart(slug, Number(fig.getAttribute("data-delen")) || 1);
      fig.hgkmParts = fig.hgkmParts || {};
      if (fig.hgkmParts[k]) return fig.hgkmParts[k];  // loaded, or on its way
      fig.hgkmParts[k] = loadPart(fig.getAttribute("data-deel-gemeenten") + k + ".js").then(function (part) {
        var body = fig.querySelector("table.hgkm-waarden tbody"), list = fig.querySelector(".hgkm-ook ul");
        if (body) body.insertAdjacentHTML("beforeend", part.rijen);
        if (list) list.insertAdjacentHTML("beforeend", part.ook);
        // for a chart drawn later, and into a chart drawn already
        el.hgkmRows = el.hgkmRows || {};
        Object.keys(part.data).forEach(function (name) { el.hgkmRows[name] = (el.hgkmRows[name] || []).concat(part.data[name]); });
        var found = views.filter(function (v) { return v.el === el; })[0];
        if (found) Object.keys(part.data).forEach(function (name) { found.view.insert(name, part.data[name]); });
      }).catch(function (err) {
        delete fig.hgkmParts[k];
        var note = fig.querySelector(".hgkm-noot");
        if (note) { note.textContent = "De cijfers van de gemeenten konden niet worden geladen; ze staan in de downloads (Data)."; note.hidden = false; }
        if (window.console) console.error(err);
      });
      return fig.hgkmParts[k];
    }).filter(Boolean);
    return jobs.length ? Promise.all(jobs) : null;
  }

  /* Shows the region everywhere: at once, or once a municipality's rows are loaded. Resolves then. */
  function setRegion(slug, announce) {
    slug = normalise(slug) || NL;
    var loading = municipalRows(slug);
    if (!loading) {
      showRegion(slug, announce);
      return Promise.resolve();
    }
    return loading.then(function () { showRegion(slug, announce); });
  }

  /* A region chosen by the reader: shown, and the charts the drawings cannot show drawn. */
  function chooseRegion(slug) {
    document.documentElement.removeAttribute("data-grafieken");
    return setRegion(slug, true).then(refreshCharts).then(function () { document.documentElement.setAttribute("data-grafieken", "klaar"); });
  }

  function showRegion(slug, announce) {
    selectors().forEach(function (s) { s.value = slug; });
    updateMaps(slug);
    updateProfileLinks(slug);
    updateEmbeds(slug);
    document.documentElement.setAttribute("data-regio", slug);
    var figs = document.querySelectorAll(".hgkm-figuur");
    for (var i = 0; i < figs.length; i++) updateFigure(figs[i], slug);
    views.forEach(function (v) { v.view.signal("regio", v.el.getAttribute("data-regio") || slug).runAsync(); });
    updateKeyFigures(slug);
    updateLinks(slug);
    updateUrl(slug);
    updateTitle(slug);
    storageSet(slug);
    if (announce) {
      var notes = document.querySelectorAll(".hgkm-periodemelding");
      for (var n = 0; n < notes.length; n++) notes[n].textContent = "";  // a note on the previous region is out of date
      var msgs = document.querySelectorAll(".hgkm-melding");
      for (var j = 0; j < msgs.length; j++) msgs[j].textContent = "Regio gekozen: " + regionName(slug);
    }
  }

  /* Tooltip of a chart: the tooltip object (title -> text) as a table, built with textContent
   * only, so text from the data always stays text. One element for the page, as vega-tooltip had
   * (#vg-tooltip-element, class 'visible' while shown), near the pointer, hidden on pointerout. */
  var TIP_ID = "vg-tooltip-element";
  var TIP_STYLE = "#" + TIP_ID + "{visibility:hidden;position:fixed;z-index:1000;padding:6px 8px;max-width:22rem;" +
    "font:12px/1.35 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:rgba(255,255,255,.97);" +
    "border:1px solid #c9d6e6;border-radius:3px;box-shadow:2px 2px 4px rgba(0,0,0,.12);white-space:pre-line;pointer-events:none}" +
    "#" + TIP_ID + ".visible{visibility:visible}#" + TIP_ID + " table{border-spacing:0;margin:0}" +
    "#" + TIP_ID + " th{font-weight:400;color:#595959;text-align:right;padding:1px 6px 1px 0;vertical-align:top}" +
    "#" + TIP_ID + " td{text-align:left;padding:1px 0;vertical-align:top;font-variant-numeric:tabular-nums}";

  /* A missing field becomes undefined, null or (through Vega-Lite's ""+datum[...]) the text
   * "undefined"/"null"/"NaN": such a line is left out (a row without a CBS symbol has no 'Teken'). */
  function missing(v) {
    return v === undefined || v === null || v === "" || v === "undefined" || v === "null" || v === "NaN" ||
      (typeof v === "number" && isNaN(v));
  }

  function tipText(v) {
    if (Array.isArray(v)) return v.map(tipText).join(", ");
    if (v !== null && typeof v === "object") { try { return JSON.stringify(v); } catch (e) { return String(v); } }
    return String(v);
  }

  function tipElement() {
    var el = document.getElementById(TIP_ID);
    if (el) return el;
    if (!document.getElementById(TIP_ID + "-stijl")) {
      var style = document.createElement("style");
      style.id = TIP_ID + "-stijl";
      style.textContent = TIP_STYLE;
      document.head.appendChild(style);
    }
    el = document.createElement("div");
    el.id = TIP_ID;
    el.className = "vg-tooltip";
    el.setAttribute("role", "tooltip");
    document.body.appendChild(el);
    return el;
  }

  function fillTip(el, value) {
    el.textContent = "";
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      el.textContent = tipText(value);
      return true;
    }
    var table = document.createElement("table"), body = document.createElement("tbody"), rows = 0;
    Object.keys(value).forEach(function (key) {
      var v = value[key];
      if (missing(v)) return;
      var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
      th.setAttribute("scope", "row");
      th.textContent = key;
      td.textContent = tipText(v);
      tr.appendChild(th); tr.appendChild(td); body.appendChild(tr);
      rows++;
    });
    table.appendChild(body);
    el.appendChild(table);
    return rows > 0;
  }

  function showTooltip(handler, event, item, value) {
    var el = tipElement();
    if (missing(value) || !fillTip(el, value) || !event) { el.classList.remove("visible"); return; }
    el.classList.add("visible");
    // bottom right of the pointer; flipped to the left or above where it would leave the window
    var box = el.getBoundingClientRect(), off = 10, x = event.clientX + off, y = event.clientY + off;
    if (x + box.width > window.innerWidth) x = Math.max(0, event.clientX - off - box.width);
    if (y + box.height > window.innerHeight) y = Math.max(0, event.clientY - off - box.height);
    el.style.left = x + "px";
    el.style.top = y + "px";
  }

  /* Draws every chart not drawn yet, except those of a period not shown (drawn when it is chosen). */
  function drawCharts() {
    if (typeof vega === "undefined") return Promise.resolve();
    var els = chartsToDraw();
    return Promise.all(els.map(function (el) {
      el.hgkmDrawn = true;
      // drawn over the drawing made at build time, which goes once the chart is there
      var holder = document.createElement("div");
      holder.className = "hgkm-levend";
      el.appendChild(holder);
      return Promise.resolve().then(function () {
        // the spec inline, or (data-spec-bron) in a script the page loaded, shared by many pages
        var spec = el.hasAttribute("data-spec") ? JSON.parse(el.getAttribute("data-spec")) : window[el.getAttribute("data-spec-bron")];
        if (el.hgkmRows) (spec.data || []).forEach(function (d) { if (el.hgkmRows[d.name]) d.values = d.values.concat(el.hgkmRows[d.name]); });
        var view = new vega.View(vega.parse(spec), { renderer: "svg", locale: { number: LOCALE } });
        view.tooltip(showTooltip).hover().initialize(holder);
        views.push({ el: el, view: view });
        return view.signal("regio", el.getAttribute("data-regio") || NL).runAsync();
      }).then(function () {
        var old = el.querySelectorAll("svg.hgkm-statisch");
        for (var i = 0; i < old.length; i++) el.removeChild(old[i]);
        el.removeAttribute("data-verouderd");
        holder.className = "hgkm-levend hgkm-getekend";
        el.setAttribute("data-getekend", "ja");
      }).catch(function (err) {
        el.removeAttribute("data-verouderd");
        el.textContent = "De grafiek kon niet worden getekend. De cijfers staan in de tabel hieronder.";
        if (window.console) console.error(err);
      });
    }));
  }

  function copyLink(button) {
    var url = publishedUrl();
    var done = function () { var m = button.parentNode.querySelector(".hgkm-melding"); if (m) m.textContent = "Link gekopieerd: " + url; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { fallbackCopy(url); done(); });
    } else { fallbackCopy(url); done(); }
  }

  function fallbackCopy(text) {
    var ta = document.createElement("textarea");
    ta.value = text; ta.setAttribute("readonly", ""); ta.style.position = "absolute"; ta.style.left = "-9999px";
    document.body.appendChild(ta); ta.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(ta);
  }

  function profileHref(slug) { return (slug === NL ? "index" : slug) + ".html"; }

  function init() {
    // the offline copy does not hold itself: say that one is using it instead of offering it
    if (window.location.protocol === "file:") {
      var offers = document.querySelectorAll(".hgkm-offline");
      for (var f = 0; f < offers.length; f++) offers[f].textContent = "U gebruikt nu de offline-versie van deze site: alles werkt zonder internet.";
    }
    // the theme's search dialog has no name (axe: aria-dialog-name)
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Zoeken op deze site");
    var own = pageRegion();
    if (own) {
      // A region profile is about its own region; ?regio= naming another region opens that profile.
      var asked = new URLSearchParams(window.location.search).get("regio");
      if (asked !== null && normalise(asked) && normalise(asked) !== own) {
        window.location.replace(profileHref(normalise(asked)) + window.location.hash);
        return;
      }
    }
    selectors().forEach(function (s) {
      // On a profile, choosing opens another page: only with the button (no change of page while
      // someone moves through the list with the arrow keys).
      if (s.getAttribute("data-navigeer") === "ja") return;
      s.addEventListener("change", function () { chooseRegion(s.value); });
    });
    var opens = document.querySelectorAll(".hgkm-open");
    for (var o = 0; o < opens.length; o++) {
      opens[o].addEventListener("click", function (ev) {
        var sel = ev.currentTarget.parentNode.querySelector("select.hgkm-regio");
        storageSet(sel.value);
        window.location.href = profileHref(sel.value);
      });
    }
    // maps and export buttons also come with a period loaded later: one listener for the page
    document.addEventListener("click", function (ev) {
      var tile = ev.target.closest && ev.target.closest(".hgkm-kaart-regio[role=button]");
      if (tile) chooseRegion(tile.getAttribute("data-regio"));
      var button = ev.target.closest && ev.target.closest(".hgkm-export-knop");
      if (button) exportChart(button);
    });
    document.addEventListener("keydown", function (ev) {
      var tile = ev.target.closest && ev.target.closest(".hgkm-kaart-regio[role=button]");
      if (tile && (ev.key === "Enter" || ev.key === " " || ev.key === "Spacebar")) {
        ev.preventDefault();
        chooseRegion(tile.getAttribute("data-regio")).then(function () { tile.focus(); });
      }
    });
    var dates = document.querySelectorAll(".hgkm-printdatum");
    for (var d = 0; d < dates.length; d++) {
      dates[d].textContent = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    }
    periodSelects().forEach(function (s) { s.addEventListener("change", function () { periodChanged(s); }); });
    var buttons = document.querySelectorAll(".hgkm-kopieer");
    for (var i = 0; i < buttons.length; i++) buttons[i].addEventListener("click", function (ev) { copyLink(ev.currentTarget); });
    keepShownDrawings();
    // the period first (?periode=, else the latest): the regions offered depend on it
    setPeriod(new URLSearchParams(window.location.search).get("periode"), false).then(function () {
      var slug = initialRegion();
      if (own) { slug = own; unavailable = null; }
      return setRegion(slug, false); // before drawing, so charts start with the right region
    }).then(function () {
      if (unavailable) {
        var msgs = document.querySelectorAll(".hgkm-melding");
        for (var m = 0; m < msgs.length; m++) {
          // on a page with a choice of period: the region may have figures in another period (an option of the selector)
          var sel = periodSelects()[0], regs = selectors()[0];
          var elsewhere = sel && regs && Array.prototype.some.call(regs.options, function (o) { return o.value === unavailable.slug; });
          var shown = elsewhere ? sel.options[sel.selectedIndex].text : null;
          if (unavailable.onbekend) {
            msgs[m].textContent = "\u2018" + unavailable.naam + "\u2019 is geen regio of gemeente van deze site; u ziet Nederland. Kies hierboven een regio.";
            continue;
          }
          msgs[m].textContent = unavailable.naam + " heeft geen cijfers " + (shown ? "in " + shown : "op deze pagina") +
            (unavailable.bestaat ? " (de regio bestaat " + unavailable.bestaat + ")" : "") + "; u ziet Nederland" +
            (shown ? ". Kies een andere periode om de regio te zien." : ".");
        }
      }
    }).then(refreshCharts).then(function () {
      document.documentElement.setAttribute("data-grafieken", "klaar");
      // the reader reaching for a chart, a selector, the map or an export loads the runtime (tooltips)
      var intent = function (ev) {
        var t = ev.target;
        if (t.closest && t.closest(".hgkm-chart[data-spec], .hgkm-chart[data-spec-bron], select.hgkm-regio, select.hgkm-periode, .hgkm-kaart-regio, .hgkm-export-knop")) wantLive();
      };
      ["pointerover", "touchstart", "focusin"].forEach(function (type) { document.addEventListener(type, intent, { passive: true }); });
      // a window made wider or narrower than the drawings fit: drawn by the runtime
      var resizing = null;
      window.addEventListener("resize", function () {
        clearTimeout(resizing);
        resizing = setTimeout(refreshCharts, 150);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
