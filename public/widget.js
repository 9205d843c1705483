/*
 * Counterpart chat widget loader (WIDGET-1, WIDGET-2). One tag on any storefront page:
 *
 *   <script src="https://chat.example.com/widget.js" data-shop-key="pk_..." async></script>
 *
 * Optional attributes: data-product-id / data-order-id (the shop's own ids of what the page
 * shows), data-identity-token (a buyer token signed by the shop's server, docs/widget.md),
 * data-lang ("en" or "es": the chat's language; without it the buyer's browser language).
 * At run time: window.Counterpart.setContext({ productId, orderId }),
 * window.Counterpart.identify(token), .open(), .close(), .toggle().
 *
 * It adds a launcher button and an iframe with the chat, inside a shadow root so that the
 * storefront's CSS and ours never meet. Under 640 px wide the open chat fills the screen.
 */
(function () {
  "use strict";
  if (window.Counterpart && window.Counterpart.__loaded) return;

  var script = document.currentScript || document.querySelector("script[data-shop-key][src*='widget.js']");
  if (!script) return;
  var shopKey = script.getAttribute("data-shop-key");
  if (!shopKey) {
    console.error("Counterpart widget: the script tag needs data-shop-key=\"pk_...\".");
    return;
  }
  var origin = new URL(script.src, window.location.href).origin;
  var state = {
    productId: script.getAttribute("data-product-id") || null,
    orderId: script.getAttribute("data-order-id") || null,
    identityToken: script.getAttribute("data-identity-token") || null,
    lang: script.getAttribute("data-lang") || null,
    // NF-5: the frame sends the launcher's words in the chat's language ("ready", "unread");
    // until then these English ones stand.
    labels: { open: null, close: "Close chat", frameTitle: null },
    isOpen: false,
    isReady: false,
    shopName: null,
    unread: 0,
  };
  var pending = [];
  var frame = null;
  var launcher = null;
  var badge = null;
  var root = null;

  var css = [
    ":host { all: initial; }",
    ".cp-launcher { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: 0;",
    "  background: #1d4ed8; color: #fff; cursor: pointer; box-shadow: 0 6px 20px rgba(15, 23, 42, .25); z-index: 2147483000;",
    "  display: flex; align-items: center; justify-content: center; padding: 0; }",
    ".cp-launcher:hover { background: #1e40af; }",
    ".cp-launcher:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }",
    ".cp-launcher svg { width: 28px; height: 28px; }",
    ".cp-badge { position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;",
    "  background: #dc2626; color: #fff; font: 600 12px/20px system-ui, sans-serif; text-align: center; box-sizing: border-box; }",
    ".cp-badge[hidden] { display: none; }",
    ".cp-frame { position: fixed; right: 20px; bottom: 88px; width: 380px; height: min(640px, calc(100vh - 108px));",
    "  border: 0; border-radius: 16px; box-shadow: 0 12px 40px rgba(15, 23, 42, .3); background: #fff; z-index: 2147483001;",
    "  visibility: hidden; opacity: 0; transform: translateY(12px); transition: opacity .15s ease, transform .15s ease, visibility 0s .15s; }",
    ".cp-open .cp-frame { visibility: visible; opacity: 1; transform: none; transition: opacity .15s ease, transform .15s ease; }",
    "@media (max-width: 640px) {",
    "  .cp-frame { right: 0; bottom: 0; left: 0; top: 0; width: 100%; height: 100%; border-radius: 0; }",
    "  .cp-open .cp-launcher { display: none; }",
    "}",
    "@media (prefers-reduced-motion: reduce) { .cp-frame { transition: none; } }",
  ].join("\n");

  var chatIcon = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
  var closeIcon = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><path d="M18 6 6 18M6 6l12 12"/></svg>';

  function frameUrl() {
    var query = new URLSearchParams({ key: shopKey });
    if (state.productId) query.set("productId", state.productId);
    if (state.orderId) query.set("orderId", state.orderId);
    if (state.lang) query.set("lang", state.lang);
    // The identity token goes in the fragment: it is never sent to any server in the URL.
    var hash = state.identityToken ? "#identity=" + encodeURIComponent(state.identityToken) : "";
    return origin + "/widget/frame?" + query.toString() + hash;
  }

  function post(message) {
    message.source = "counterpart-host";
    if (!state.isReady || !frame || !frame.contentWindow) {
      pending.push(message);
      return;
    }
    frame.contentWindow.postMessage(message, origin);
  }

  function label() {
    if (state.isOpen) return state.labels.close;
    if (state.labels.open) return state.labels.open;
    var name = state.shopName ? " with " + state.shopName : "";
    return "Open chat" + name + (state.unread > 0 ? " (" + state.unread + " unread)" : "");
  }

  function render() {
    if (!root) return;
    root.classList.toggle("cp-open", state.isOpen);
    launcher.setAttribute("aria-expanded", String(state.isOpen));
    launcher.setAttribute("aria-label", label());
    launcher.innerHTML = (state.isOpen ? closeIcon : chatIcon);
    launcher.appendChild(badge);
    badge.hidden = state.isOpen || state.unread === 0;
    badge.textContent = state.unread > 99 ? "99+" : String(state.unread);
    frame.setAttribute("aria-hidden", String(!state.isOpen));
    frame.tabIndex = state.isOpen ? 0 : -1;
  }

  function open() {
    if (!root || state.isOpen) return;
    state.isOpen = true;
    render();
    post({ type: "open" });
    frame.focus();
  }

  function close(returnFocus) {
    if (!root || !state.isOpen) return;
    state.isOpen = false;
    render();
    post({ type: "close" });
    if (returnFocus !== false) launcher.focus();
  }

  function onMessage(event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    var data = event.data;
    if (!data || data.source !== "counterpart-widget") return;
    if (data.type === "ready") {
      state.shopName = data.shopName || null;
      if (data.labels && typeof data.labels === "object") {
        state.labels = {
          open: typeof data.labels.open === "string" ? data.labels.open : null,
          close: typeof data.labels.close === "string" ? data.labels.close : state.labels.close,
          frameTitle: typeof data.labels.frameTitle === "string" ? data.labels.frameTitle : null,
        };
      }
      frame.title = state.labels.frameTitle || (state.shopName ? "Chat with " + state.shopName : "Chat");
      if (!state.isReady) {
        state.isReady = true;
        var queued = pending.splice(0);
        for (var i = 0; i < queued.length; i += 1) post(queued[i]);
        if (state.isOpen) post({ type: "open" });
      }
      render();
    } else if (data.type === "close") {
      close();
    } else if (data.type === "unread") {
      state.unread = Math.max(0, Number(data.count) || 0);
      if (typeof data.openLabel === "string") state.labels.open = data.openLabel;
      render();
    }
  }

  function mount() {
    var host = document.createElement("div");
    host.id = "counterpart-widget";
    var shadow = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var style = document.createElement("style");
    style.textContent = css;
    root = document.createElement("div");
    launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "cp-launcher";
    launcher.setAttribute("aria-haspopup", "dialog");
    launcher.setAttribute("data-testid", "counterpart-launcher");
    badge = document.createElement("span");
    badge.className = "cp-badge";
    badge.setAttribute("aria-hidden", "true");
    frame = document.createElement("iframe");
    frame.className = "cp-frame";
    frame.title = "Chat";
    frame.src = frameUrl();
    frame.setAttribute("allow", "clipboard-write");
    launcher.addEventListener("click", function () {
      if (state.isOpen) close();
      else open();
    });
    root.appendChild(frame);
    root.appendChild(launcher);
    shadow.appendChild(style);
    shadow.appendChild(root);
    document.body.appendChild(host);
    window.addEventListener("message", onMessage);
    render();
  }

  var api = {
    __loaded: true,
    open: open,
    close: function () {
      close(false);
    },
    toggle: function () {
      if (state.isOpen) close();
      else open();
    },
    /** WIDGET-2: the page now shows another product or order (the shop's own ids). */
    setContext: function (context) {
      context = context || {};
      state.productId = context.productId ? String(context.productId) : null;
      state.orderId = context.orderId ? String(context.orderId) : null;
      post({ type: "context", productId: state.productId, orderId: state.orderId });
    },
    /** WIDGET-1: a buyer signed in (a token from the shop's server) or out (null). */
    identify: function (token) {
      state.identityToken = token ? String(token) : null;
      post({ type: "identify", token: state.identityToken });
    },
  };

  // Calls made before the script loaded: window.Counterpart = window.Counterpart || { q: [] };
  // window.Counterpart.q.push(["setContext", { productId: "SKU-1" }]).
  var early = window.Counterpart && Array.isArray(window.Counterpart.q) ? window.Counterpart.q : [];
  window.Counterpart = api;

  function boot() {
    mount();
    for (var i = 0; i < early.length; i += 1) {
      var call = early[i];
      if (call && typeof api[call[0]] === "function") api[call[0]].apply(null, call.slice(1));
    }
  }

  if (document.body) boot();
  else document.addEventListener("DOMContentLoaded", boot);
})();
