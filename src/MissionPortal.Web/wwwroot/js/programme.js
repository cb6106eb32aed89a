// Programme editor: drag an item onto another half-hour slot to reschedule it. The drop posts to the
// same move endpoint as the plain form, with the same validation; errors are shown, nothing is guessed.
(function () {
  'use strict';
  var tokenInput = document.querySelector('#antiforgery input[name="__RequestVerificationToken"]');
  var errorBox = document.getElementById('drag-error');
  if (!tokenInput) { return; }

  document.querySelectorAll('button[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });

  var dragged = null;
  document.querySelectorAll('.programme-item[draggable="true"]').forEach(function (item) {
    item.addEventListener('dragstart', function (event) {
      dragged = item;
      item.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.getAttribute('data-item-id'));
    });
    item.addEventListener('dragend', function () {
      item.classList.remove('dragging');
      dragged = null;
    });
  });

  document.querySelectorAll('.slot').forEach(function (slot) {
    slot.addEventListener('dragover', function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      slot.classList.add('drop-target');
    });
    slot.addEventListener('dragleave', function () { slot.classList.remove('drop-target'); });
    slot.addEventListener('drop', function (event) {
      event.preventDefault();
      slot.classList.remove('drop-target');
      if (!dragged) { return; }
      var body = new FormData();
      body.append('Date', slot.getAttribute('data-date'));
      body.append('Start', slot.getAttribute('data-time'));
      body.append('Version', dragged.getAttribute('data-version') || '');
      body.append('__RequestVerificationToken', tokenInput.value);
      fetch(dragged.getAttribute('data-move-url'), {
        method: 'POST',
        body: body,
        headers: { 'Accept': 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        if (result.ok) {
          window.location.reload();
        } else {
          errorBox.textContent = result.data.error;
          errorBox.classList.remove('d-none');
        }
      }).catch(function () {
        errorBox.textContent = errorBox.getAttribute('data-network-error') || 'Error';
        errorBox.classList.remove('d-none');
      });
    });
  });
})();
