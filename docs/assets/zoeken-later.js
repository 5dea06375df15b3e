/* Search on first use. The theme (mkdocs-material) starts its search worker and fetches the search
 * index (search/search_index.json, a third of a first visit) as soon as a page loads, whether or
 * not anyone searches. Loaded before the theme (mkdocs.yml, extra.polyfills), this script holds
 * both back until the reader reaches for the search box (focus on it: a click, a tap, or the
 * theme's keys / s f), then lets them go; the theme does not notice. Under file:// the theme loads
 * the index as a script of its own (material's offline plugin), which this leaves alone. */
(function () {
  "use strict";
  var wanted = false, waiting = [];
  function later(go) { if (wanted) go(); else waiting.push(go); }
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  var realFetch = window.fetch;
  if (realFetch) {
    window.fetch = function (input, init) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      if (wanted || !/\/search\/search_index\.json(?:[?#]|$)/.test(url)) return realFetch.apply(this, arguments);
      var self = this;
      return new Promise(function (resolve, reject) {
        later(function () { realFetch.call(self, input, init).then(resolve, reject); });
      });
    };
  }

  // the theme asks with XMLHttpRequest (for its progress events): the request is sent when wanted
  var XHR = window.XMLHttpRequest;
  if (XHR) {
    var open = XHR.prototype.open, send = XHR.prototype.send;
    XHR.prototype.open = function (method, url) {
      this.hgkmLater = !wanted && /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));
      return open.apply(this, arguments);
    };
    XHR.prototype.send = function () {
      var self = this, args = arguments;
      if (!this.hgkmLater || wanted) return send.apply(this, args);
      later(function () { send.apply(self, args); });
    };
  }

  /* A worker that starts when the reader wants search: messages and listeners given before wait. */
  var RealWorker = window.Worker;
  function LaterWorker(url, options) {
    var real = null, queue = [], listeners = [];
    this.postMessage = function () { if (real) real.postMessage.apply(real, arguments); else queue.push(arguments); };
    this.addEventListener = function (type, fn, opts) { if (real) real.addEventListener(type, fn, opts); else listeners.push([type, fn, opts]); };
    this.removeEventListener = function (type, fn, opts) {
      if (real) real.removeEventListener(type, fn, opts);
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
    };
    this.terminate = function () { if (real) real.terminate(); else queue = []; };
    later(function () {
      real = new RealWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      queue.splice(0).forEach(function (args) { real.postMessage.apply(real, args); });
    });
  }
  if (RealWorker) {
    window.Worker = function (url, options) { return wanted ? new RealWorker(url, options) : new LaterWorker(url, options); };
  }

  document.addEventListener("focusin", function (ev) {
    if (ev.target && ev.target.closest && ev.target.closest(".md-search")) want();
  });
  // a search from the address (?q=, the theme opens the box with it)
  if (/[?&]q=/.test(window.location.search)) want();
})();
