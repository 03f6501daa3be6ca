// Veille story page: draws the actor graph with cytoscape (served from node_modules) from
// the story's graph JSON. Names reach cytoscape as data, drawn on a canvas: no HTML is built
// here. Clicking an actor or a relation opens the report that tells it; the table under the
// drawing holds the same links for the keyboard.
'use strict';

(function () {
  const box = document.getElementById('story-graph');
  if (!box || typeof window.cytoscape !== 'function') return;

  // PLOVER categories by quad class: cooperation in green and blue, conflict in orange and red.
  const QUAD = {
    AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
    REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 3, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
  };
  const COLORS = { 1: '#2b7bb9', 2: '#1a8f4a', 3: '#d9822b', 4: '#c2362b', 0: '#5b6470' };
  const spanHref = (s) => '/documents/' + encodeURIComponent(s.doc) + '?span=' + s.start + '-' + s.end + '#span';

  // Cytoscape inserts a <style> element unless one with this id exists; the CSP refuses
  // inline styles, so the rule it holds (position: relative) is in app.css and this
  // placeholder tells cytoscape it is there.
  const STYLESHEET_ID = '__________cytoscape_stylesheet';
  if (!document.getElementById(STYLESHEET_ID)) {
    const placeholder = document.createElement('meta');
    placeholder.id = STYLESHEET_ID;
    document.head.appendChild(placeholder);
  }

  fetch(box.getAttribute('data-src'), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error('graph: HTTP ' + r.status))))
    .then((graph) => {
      const elements = [];
      for (const n of graph.nodes) elements.push({ data: { id: 'n:' + n.id, label: n.code ? n.name + ' (' + n.code + ')' : n.name } });
      graph.edges.forEach((e, i) => {
        elements.push({
          data: {
            id: 'e' + i, source: 'n:' + e.from, target: 'n:' + e.to, label: e.event + (e.count > 1 ? ' ×' + e.count : ''),
            color: COLORS[QUAD[e.event] || 0], width: Math.min(1 + e.count, 8), href: e.spans.length ? spanHref(e.spans[0]) : '',
          },
        });
      });
      box.classList.add('drawn');
      const cy = window.cytoscape({
        container: box,
        elements,
        wheelSensitivity: 0.2,
        // A small graph fitted to the box would be drawn huge: cap the zoom and centre it.
        minZoom: 0.2,
        maxZoom: 1.4,
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#0b5cad', width: 18, height: 18, 'text-wrap': 'wrap', 'text-max-width': 140 } },
          { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
        ],
        // A few actors read best on a circle (and always land in the same place); more need a force layout.
        layout: graph.nodes.length <= 12
          ? { name: 'circle', padding: 40, avoidOverlap: true }
          : { name: 'cose', animate: false, padding: 30, nodeRepulsion: () => 12000, idealEdgeLength: () => 120 },
      });
      cy.center();
      cy.on('tap', 'edge', (evt) => {
        const href = evt.target.data('href');
        if (href) window.location.assign(href);
      });
    })
    .catch(() => {
      // The table below the drawing says the same; nothing else to do.
      box.hidden = true;
    });
})();
