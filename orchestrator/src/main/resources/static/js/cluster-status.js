// Keeps the project page's cluster status block current without a reload. The server tells of a change over
// Server-Sent Events; the block is then fetched, rendered by the server like the rest of the page (language,
// time zone). Where the stream cannot be had (refused, blocked by a proxy), the block is fetched periodically.
(function () {
  'use strict';
  var POLL_MILLIS = 10000;
  var panel = document.getElementById('cluster-status');
  if (!panel) {
    return;
  }
  var blockUrl = panel.dataset.blockUrl;
  var polling = null;

  function refresh() {
    fetch(blockUrl, { credentials: 'same-origin', headers: { 'Accept': 'text/html' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('cluster status: HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        var fresh = template.content.getElementById('cluster-status-content');
        var current = document.getElementById('cluster-status-content');
        if (fresh && current) {
          // Its children only: the block stays the same live region, so that screen readers announce the change.
          current.dataset.state = fresh.dataset.state;
          current.replaceChildren.apply(current, Array.from(fresh.childNodes));
        }
      })
      .catch(function () { /* keep what is shown; the next change or poll tries again */ });
  }

  function poll() {
    if (polling === null) {
      polling = window.setInterval(refresh, POLL_MILLIS);
    }
  }

  if (!window.EventSource) {
    poll();
    return;
  }
  var source = new EventSource(panel.dataset.streamUrl);
  // Also on (re)connection: a change may have happened while the stream was not open.
  source.addEventListener('open', refresh);
  source.addEventListener('cluster-status', refresh);
  source.addEventListener('error', function () {
    // CLOSED: the server refused the stream (too many open, signed out); the browser will not retry.
    if (source.readyState === EventSource.CLOSED) {
      poll();
    }
  });
  window.addEventListener('pagehide', function () { source.close(); });
})();
