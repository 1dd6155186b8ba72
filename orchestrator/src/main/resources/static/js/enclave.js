// Enclave portal. Pages work without this script; it only adds a confirmation before consequential actions
// (a button or form carrying data-confirm, whose text comes from the page in the user's language).
document.addEventListener('submit', function (event) {
  var question = (event.submitter && event.submitter.dataset.confirm) || event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
