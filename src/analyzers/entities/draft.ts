import type { EntityType } from '../../core/record.js';
import type { NameHit } from '../../kb/knowledge-base.js';

/** What a role phrase around a name says about it. */
export interface RoleInfo {
  /** The role as stated, without demonym or country complement ("ministre des Affaires étrangères"). */
  role: string;
  /** The role noun's own key, to match role-only mentions ("le président russe"). */
  head: string;
  country: string | null;
  sector: string | null;
  /** Unit range of the whole phrase (it may hold other mentions: "du Kremlin"). */
  first: number;
  last: number;
}

/**
 * A mention on its way to an entity: a unit range [first, last), what the KB says of it,
 * and what the context says (title, role, metonymy).
 */
export interface Draft {
  first: number;
  last: number;
  start: number;
  end: number;
  /** Where the mention starts: before `start` when a title opens it ("M. Chéron", as news NER corpora mark it). */
  mentionStart: number;
  type: EntityType;
  /** KB entries whose names match this span exactly, already filtered by language and case. */
  hits: NameHit[];
  /** How it was found, e.g. `kb`, `caps:title`, `caps:given-name`, `role-mention`. */
  rule: string;
  /** A title stood before it ("M.", "Mme"). */
  titled: boolean;
  /** Roles stated around it (before the name, or in apposition after it). */
  roles: RoleInfo[];
  /** Set when a seat or capital stands for a government here. */
  political: { country: string; sector: string } | null;
  /** A role-only mention ("le président russe"), to be attached to a named entity. */
  roleOnly: boolean;
}
