/* Reader affordances on report pages.
 *
 *  - a ¶ button (copy the paragraph's URL) and a Cite button (copy "A/70/357, para. 12")
 *    beside every numbered paragraph, shown on hover or keyboard focus;
 *  - the paragraph named in the URL fragment gets the class is-target (CSS :target is not
 *    updated by Material's instant navigation);
 *  - on a report's index page, /A/70/357/#para-57 forwards to the section page holding it,
 *    using the block map the text stage writes into the report header.
 *
 * Works on plain page loads and with Material's instant navigation (document$ emits on both).
 */
(function () {
  "use strict";

  var COPIED_MS = 2000;

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-http hosts: a hidden textarea and execCommand.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand("copy") ? resolve() : reject(new Error("copy refused"));
      } catch (err) {
        reject(err);
      } finally {
        area.remove();
      }
    });
  }

  function paragraphUrl(id) {
    var url = new URL(window.location.href);
    url.hash = id;
    return url.href;
  }

  function makeButton(kind, label, title) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "para-tool para-copy-" + kind;
    button.textContent = label;
    button.title = title;
    button.setAttribute("aria-label", title);
    return button;
  }

  /* The clicked button says "Copied" for a moment; a polite status line tells screen readers. */
  function showCopied(para, button, status, kind, ok) {
    var label = button.dataset.label || (button.dataset.label = button.textContent);
    para.setAttribute("data-copied", ok ? kind : "failed");
    button.textContent = ok ? (kind === "link" ? "✓" : "Copied") : "Failed";
    status.textContent = ok ? (kind === "link" ? "Link copied" : "Citation copied") : "Copy failed";
    clearTimeout(para._copiedTimer);
    para._copiedTimer = setTimeout(function () {
      para.removeAttribute("data-copied");
      para.querySelectorAll(".para-tool").forEach(function (b) {
        if (b.dataset.label) b.textContent = b.dataset.label;
      });
      status.textContent = "";
    }, COPIED_MS);
  }

  function addTools(para, symbol) {
    if (para.querySelector(".para-tools")) return;
    var cite = symbol ? symbol + ", " + para.dataset.cite : para.dataset.cite;
    var tools = document.createElement("span");
    tools.className = "para-tools";
    var link = makeButton("link", "¶", "Copy link to " + para.dataset.cite);
    var citeButton = makeButton("cite", "Cite", "Copy citation: " + cite);
    var status = document.createElement("span");
    status.className = "para-copied";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    link.addEventListener("click", function () {
      copyText(paragraphUrl(para.id)).then(
        function () { showCopied(para, link, status, "link", true); },
        function () { showCopied(para, link, status, "link", false); }
      );
    });
    citeButton.addEventListener("click", function () {
      copyText(cite).then(
        function () { showCopied(para, citeButton, status, "cite", true); },
        function () { showCopied(para, citeButton, status, "cite", false); }
      );
    });
    tools.append(link, citeButton, status);
    var number = para.querySelector(".para-num");
    para.insertBefore(tools, number ? number.nextSibling : para.firstChild);
  }

  function blockMap() {
    var script = document.querySelector("script.block-map");
    if (!script) return null;
    try {
      return JSON.parse(script.textContent);
    } catch (err) {
      return null;
    }
  }

  /* Highlight the target, or forward to the page that holds it. */
  function land() {
    document.querySelectorAll(".is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (target) {
      target.classList.add("is-target");
      return;
    }
    var map = blockMap();
    if (map && Object.prototype.hasOwnProperty.call(map, id)) {
      window.location.replace(new URL(map[id] + "#" + encodeURIComponent(id), window.location.href).href);
    }
  }

  function init() {
    var header = document.querySelector("header.report-header[data-symbol]");
    var symbol = header ? header.dataset.symbol : "";
    document.querySelectorAll("p.para[data-cite][id]").forEach(function (para) {
      addTools(para, symbol);
    });
    land();
  }

  window.addEventListener("hashchange", land);
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
