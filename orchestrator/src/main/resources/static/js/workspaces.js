// Workspaces page: polls the page's status endpoint and updates each row's status, reason and buttons in place,
// so that a starting or stopping workspace is seen to change without a reload. Without this script the page
// still works; it only shows the status as of its loading.
(function () {
  var table = document.getElementById('workspaces');
  if (!table || !table.dataset.poll) {
    return;
  }
  var labels = {};
  document.querySelectorAll('#status-labels li').forEach(function (li) {
    labels[li.dataset.status] = li.textContent;
  });

  function update(workspaces) {
    workspaces.forEach(function (w) {
      var status = document.getElementById('status-' + w.name);
      if (!status) {
        return;
      }
      status.dataset.status = w.status;
      status.textContent = labels[w.status] || w.status;
      document.getElementById('reason-' + w.name).textContent = w.reason;
      document.getElementById('start-' + w.name).disabled = !w.canStart;
      document.getElementById('stop-' + w.name).disabled = !w.canStop;
      document.getElementById('delete-' + w.name).disabled = !w.canDelete;
    });
  }

  function poll() {
    fetch(table.dataset.poll, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(update)
      .catch(function () { /* try again at the next tick */ })
      .finally(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 1000);
})();
