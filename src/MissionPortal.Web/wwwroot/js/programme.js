// Programme editor: drag an item's block to another day or time of the grid. The drop fills in the item's own move
// form (day and start, with the version the page showed) and sends it, as a keyboard user does by hand: the page comes
// back at the item with the result beside it. The start snaps to the grid's step (data-snap, in minutes). Touch screens
// keep the form: there a drag would fight the scrolling of the page.
(function () {
  'use strict';

  document.querySelectorAll('button[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });

  var grid = document.querySelector('.tg');
  if (!grid) { return; }
  var firstMinute = Number(grid.getAttribute('data-first-hour')) * 60;
  var axisMinutes = Number(grid.getAttribute('data-rows')) * 5;
  var lastMinute = Math.min(24 * 60, firstMinute + axisMinutes);
  var snap = Number(grid.getAttribute('data-snap')) || 15;
  var bodies = Array.prototype.slice.call(grid.querySelectorAll('.tg-body'));

  function toMinutes(text) {
    var parts = (text || '0:0').split(':');
    return Number(parts[0]) * 60 + Number(parts[1]);
  }

  function toTime(minutes) {
    var h = Math.floor(minutes / 60);
    var m = minutes % 60;
    return (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
  }

  function bodyAt(x) {
    for (var i = 0; i < bodies.length; i++) {
      var rect = bodies[i].getBoundingClientRect();
      if (x >= rect.left && x < rect.right) { return bodies[i]; }
    }
    return null;
  }

  function dayName(body) {
    var heading = body.parentNode.querySelector('h2');
    return heading ? heading.textContent.trim() : body.getAttribute('data-date');
  }

  var drag = null;
  var swallowClick = false;

  function stop(keepGhost) {
    if (!drag) { return; }
    drag.item.classList.remove('dragging');
    bodies.forEach(function (body) { body.classList.remove('drop-target'); });
    if (drag.ghost && !keepGhost && drag.ghost.parentNode) { drag.ghost.parentNode.removeChild(drag.ghost); }
    drag = null;
  }

  grid.querySelectorAll('.tg-item[data-draggable="true"]').forEach(function (item) {
    var summary = item.querySelector('.tg-sum');
    var form = item.querySelector('form[data-testid="move-form"]');
    if (!summary || !form) { return; }
    summary.addEventListener('pointerdown', function (event) {
      if (event.button !== 0 || event.pointerType === 'touch') { return; }
      var start = toMinutes(item.getAttribute('data-start'));
      var end = toMinutes(item.getAttribute('data-end'));
      drag = {
        item: item,
        form: form,
        x: event.clientX,
        y: event.clientY,
        grab: event.clientY - item.getBoundingClientRect().top,
        date: item.closest('.tg-body').getAttribute('data-date'),
        start: start,
        length: (end > start ? end : 24 * 60) - start,
        moving: false,
        ghost: null,
        target: null
      };
    });
  });

  document.addEventListener('pointermove', function (event) {
    if (!drag) { return; }
    if (!drag.moving) {
      if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 6) { return; }
      drag.moving = true;
      drag.item.classList.add('dragging');
      drag.ghost = document.createElement('div');
      drag.ghost.className = 'tg-ghost';
      drag.ghost.setAttribute('aria-hidden', 'true');
    }
    event.preventDefault();
    var body = bodyAt(event.clientX);
    if (!body) { return; }
    var rect = body.getBoundingClientRect();
    var perMinute = rect.height / axisMinutes;
    var wanted = firstMinute + (event.clientY - drag.grab - rect.top) / perMinute;
    var start = Math.round(wanted / snap) * snap;
    start = Math.max(firstMinute, Math.min(start, lastMinute - drag.length));
    // Setting a property (not a style attribute) is allowed by the page's Content-Security-Policy.
    drag.ghost.style.top = ((start - firstMinute) * perMinute) + 'px';
    drag.ghost.style.height = (drag.length * perMinute) + 'px';
    drag.ghost.textContent = dayName(body) + ', ' + toTime(start) + '–' + toTime(start + drag.length);
    if (drag.ghost.parentNode !== body) {
      bodies.forEach(function (b) { b.classList.toggle('drop-target', b === body); });
      body.appendChild(drag.ghost);
    }
    drag.target = { date: body.getAttribute('data-date'), start: start };
  });

  document.addEventListener('pointerup', function () {
    if (!drag) { return; }
    if (!drag.moving) { drag = null; return; }
    // The click that ends a drag must not open the item's card.
    swallowClick = true;
    window.setTimeout(function () { swallowClick = false; }, 0);
    var target = drag.target;
    if (!target || (target.date === drag.date && target.start === drag.start)) {
      stop(false);
      return;
    }
    drag.form.elements.Date.value = target.date;
    drag.form.elements.Start.value = toTime(target.start);
    var form = drag.form;
    stop(true);
    form.submit();
  });

  document.addEventListener('click', function (event) {
    if (swallowClick) {
      event.preventDefault();
      event.stopPropagation();
      swallowClick = false;
    }
  }, true);

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && drag) { stop(false); }
  });
  document.addEventListener('pointercancel', function () { stop(false); });
})();
