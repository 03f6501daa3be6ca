/** Invented feeds and pages for the sources tests: short news-like texts, written for them. */

const PLACES = ['Port-Vallon', 'Eastport', 'Montclar', 'Villeneuve', 'Lanne', 'Saint-Orvin', 'Brécy', 'Harbourne'];
const TOPICS = ['le budget du port', 'la ligne de bus', 'la crue de la rivière', 'le nouveau collège', 'la grève des dockers', 'le marché couvert'];

/** A French news paragraph, different for each n, long enough to be taken as a full article. */
export function articleText(n: number): string {
  const place = PLACES[n % PLACES.length]!;
  const topic = TOPICS[n % TOPICS.length]!;
  return [
    `Le conseil municipal de ${place} s'est réuni mardi soir pour débattre de ${topic}, dossier numéro ${n}.`,
    `Selon la mairie, ${n + 12} habitants ont assisté à la séance, qui a duré près de trois heures.`,
    `Les élus de l'opposition ont demandé un audit indépendant avant tout nouveau vote sur ce projet.`,
    `Le maire a promis une réunion publique au printemps afin de présenter un calendrier détaillé aux riverains.`,
    `La préfecture, saisie du dossier en février, doit rendre son avis d'ici la fin du mois prochain.`,
    `Les associations locales saluent une avancée mais restent prudentes sur le financement annoncé.`,
    `Un nouveau point d'étape est prévu avant l'été, a indiqué le cabinet du maire à l'issue de la réunion.`,
  ].join(' ');
}

export interface FeedItem {
  title: string;
  link: string;
  guid?: string;
  /** Full content (content:encoded). */
  content?: string;
  description?: string;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed. */
export function rss(title: string, items: FeedItem[], language = 'fr'): string {
  const entries = items.map((item) => [
    '<item>',
    `<title>${escapeXml(item.title)}</title>`,
    `<link>${escapeXml(item.link)}</link>`,
    item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '',
    item.description ? `<description>${escapeXml(item.description)}</description>` : '',
    item.content ? `<content:encoded><![CDATA[<p>${item.content}</p>]]></content:encoded>` : '',
    '</item>',
  ].join('')).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${escapeXml(title)}</title><link>https://example.org/</link><language>${language}</language>
${entries}
</channel></rss>`;
}

/** An article page with its text in an <article>. */
export function page(title: string, text: string, head = '<meta charset="utf-8">'): string {
  return `<!doctype html><html lang="fr"><head>${head}<title>${title}</title></head>
<body><nav>Accueil</nav><article><h1>${title}</h1><p>${text}</p></article><footer>Mentions légales</footer></body></html>`;
}
