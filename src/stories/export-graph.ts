import type { StoryRecord } from './story.js';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    // XML 1.0 forbids most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/**
 * The story's actor graph as GraphML (http://graphml.graphdrawing.org), which Gephi, yEd and
 * Cytoscape read: nodes with name, code and type; directed edges with the PLOVER event,
 * the number of reports (also as `weight`) and the modalities.
 */
export function graphToGraphml(story: StoryRecord): string {
  const { nodes, edges } = story.graph;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="name" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="code" for="node" attr.name="code" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="event" for="edge" attr.name="event" attr.type="string"/>',
    '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="modality" for="edge" attr.name="modality" attr.type="string"/>',
    `  <graph id="${escapeXml(story.id)}" edgedefault="directed">`,
    `    <desc>${escapeXml(story.title)}</desc>`,
  ];
  for (const n of nodes) {
    lines.push(`    <node id="${escapeXml(n.id)}">`, `      <data key="name">${escapeXml(n.name)}</data>`);
    if (n.code) lines.push(`      <data key="code">${escapeXml(n.code)}</data>`);
    if (n.type) lines.push(`      <data key="type">${escapeXml(n.type)}</data>`);
    lines.push('    </node>');
  }
  edges.forEach((e, i) => {
    lines.push(
      `    <edge id="e${i + 1}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}">`,
      `      <data key="event">${escapeXml(e.event)}</data>`,
      `      <data key="count">${e.count}</data>`,
      `      <data key="weight">${e.count}</data>`,
      `      <data key="modality">${escapeXml(e.modality.join(' '))}</data>`,
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

/**
 * The actor graph in the JSON Graph Format (https://jsongraphformat.info, version 2): nodes
 * keyed by id with label and metadata, directed edges with the event as relation and the
 * counts, modalities and spans (doc, start, end, text) as metadata.
 */
export function graphToJson(story: StoryRecord): object {
  return {
    graph: {
      id: story.id,
      label: story.title,
      directed: true,
      type: 'veille.story.graph',
      metadata: { schema: story.schema, documents: story.article_count },
      nodes: Object.fromEntries(story.graph.nodes.map((n) => [n.id, { label: n.name, metadata: { code: n.code, type: n.type } }])),
      edges: story.graph.edges.map((e) => ({
        source: e.from, target: e.to, relation: e.event, directed: true,
        metadata: { count: e.count, modality: e.modality, spans: e.spans },
      })),
    },
  };
}
