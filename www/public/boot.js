// A classic script, so that it runs where the page's module cannot: opened
// as a file (file://), the browser refuses to load the module scripts and the
// .wasm, and the page would say "Loading…" forever. It says how to open it.
(function () {
  if (location.protocol !== 'file:') return;
  var app = document.getElementById('app');
  var loading = app && app.querySelector('.boot-text');
  var message = app && app.querySelector('.boot-file');
  if (!loading || !message) return;
  loading.hidden = true;
  message.hidden = false;
  message.setAttribute('role', 'alert');
})();
