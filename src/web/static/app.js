// Veille web UI: the only client script (the CSP allows no inline script). It shows and hides
// details the server already rendered and escaped; it never builds HTML from strings, so
// document text cannot become markup here.
'use strict';

(function () {
  const text = document.getElementById('doc-text');
  const panel = document.getElementById('details');
  if (!text || !panel) return;
  const closeButton = document.getElementById('details-close');
  let opener = null;

  const pieces = () => Array.from(text.querySelectorAll('a.hl'));
  const itemsOf = (el) => (el.getAttribute('data-items') || '').split(' ').filter(Boolean);

  function close() {
    panel.querySelectorAll('.detail.open').forEach((d) => d.classList.remove('open'));
    pieces().forEach((p) => p.classList.remove('sel'));
    panel.classList.remove('has-open');
    if (closeButton) closeButton.hidden = true;
  }

  /** Opens the details of these items (ids as in data-items), innermost first. */
  function open(ids, from, focusPanel) {
    close();
    const sections = ids.map((id) => document.getElementById('d-' + id)).filter(Boolean);
    if (sections.length === 0) return;
    sections.forEach((s) => s.classList.add('open'));
    const wanted = new Set(ids);
    pieces().forEach((p) => {
      if (itemsOf(p).some((id) => wanted.has(id))) p.classList.add('sel');
    });
    panel.classList.add('has-open');
    if (closeButton) closeButton.hidden = false;
    opener = from || null;
    if (focusPanel) sections[0].focus({ preventScroll: true });
    // On a laptop the panel is a sticky column: bring the first opened section into its view.
    if (window.matchMedia('(min-width: 52rem)').matches) {
      panel.scrollTop = Math.max(0, sections[0].offsetTop - panel.offsetTop - 8);
    }
  }

  /** The first highlighted piece of an item (to scroll to it when opened from a link). */
  function firstPiece(id) {
    return pieces().find((p) => itemsOf(p).includes(id)) || null;
  }

  function focusPiece(el) {
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const piece = target.closest('a.hl');
    if (piece && text.contains(piece)) {
      event.preventDefault();
      // Keyboard activation (Enter) moves focus to the details; a mouse click leaves it.
      open(itemsOf(piece), piece, event.detail === 0);
      return;
    }
    const link = target.closest('[data-open]');
    if (link) {
      event.preventDefault();
      const id = link.getAttribute('data-open');
      const first = firstPiece(id);
      open([id], first, true);
      if (first) first.scrollIntoView({ block: 'center' });
      return;
    }
    const jump = target.closest('[data-focus]');
    if (jump) {
      const el = document.getElementById('s-' + jump.getAttribute('data-focus'));
      if (el) {
        event.preventDefault();
        focusPiece(el);
        open(itemsOf(el), el, false);
      }
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !panel.classList.contains('has-open')) return;
    const back = opener;
    close();
    if (back) back.focus();
  });

  if (closeButton) {
    closeButton.addEventListener('click', () => {
      const back = opener;
      close();
      if (back) back.focus();
    });
  }

  // Legend: switch a layer's highlighting off and on.
  document.querySelectorAll('.legend input[data-layer]').forEach((box) => {
    box.addEventListener('change', () => {
      text.classList.toggle('hide-' + box.getAttribute('data-layer'), !box.checked);
    });
  });

  // A link to #d-…, #s-… or #span (from another page) opens or shows what it points at.
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith('d-')) {
    const first = firstPiece(hash.slice(2));
    open([hash.slice(2)], first, false);
    if (first) first.scrollIntoView({ block: 'center' });
  } else if (hash === 'span') {
    // A span asked for by a story (?span=START-END): centre it and move focus there.
    const el = document.getElementById('span');
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  } else if (hash.startsWith('s-')) {
    const el = document.getElementById(hash);
    if (el) {
      focusPiece(el);
      open(itemsOf(el), el, false);
    }
  }
})();
