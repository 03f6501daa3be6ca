import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';

/** A peer NLP library run on the same texts, as a reference for our throughput. */
export interface Peer {
  name: string;
  run(text: string): number;
}

/** wink-nlp's full pipeline: tokens, POS tags and entities (an English model: a speed reference only). */
export function winkPeer(): Peer {
  const wink = winkNLP(model);
  const its = wink.its;
  return {
    name: 'wink-nlp (tokens+POS+entities)',
    run: (text) => {
      const doc = wink.readDoc(text);
      return doc.tokens().out(its.pos).length + doc.entities().out().length;
    },
  };
}

/** compromise's default analysis: tokenization and tagging. */
export function compromisePeer(): Peer {
  return { name: 'compromise (tokens+tags)', run: (text) => nlp(text).terms().length };
}
