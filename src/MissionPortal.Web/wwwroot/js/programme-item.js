// Item form: show only the details that belong to the chosen kind. Without scripts every section stays visible.
(function () {
  'use strict';
  var kind = document.querySelector('[data-kind-select]');
  if (!kind) { return; }
  function update() {
    document.querySelectorAll('[data-kind-section]').forEach(function (section) {
      section.hidden = section.getAttribute('data-kind-section') !== kind.value;
    });
  }
  kind.addEventListener('change', update);
  update();
})();
