import type { Entity, EntityType } from '../../core/record.js';
import { partitionPoint } from './sorted.js';

/** One mention of an entity, with what the speaker rules need of its entity. */
export interface MentionRef {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
}

/** The entities layer's mentions, sorted by start, for look-ups by span. */
export class MentionIndex {
  private readonly list: MentionRef[];
  readonly byId: ReadonlyMap<string, Entity>;

  constructor(entities: readonly Entity[], textLength: number) {
    this.list = [];
    const byId = new Map<string, Entity>();
    for (const e of entities) {
      byId.set(e.id, e);
      for (const m of e.mentions) {
        // a malformed mention (outside the text) is ignored rather than trusted
        if (Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= textLength) {
          this.list.push({ start: m.start, end: m.end, entity: e.id, type: e.type });
        }
      }
    }
    this.list.sort((a, b) => a.start - b.start || b.end - a.end);
    this.byId = byId;
  }

  /** Mentions that lie inside [start, end), in order; of nested ones, the outer only. */
  inside(start: number, end: number): MentionRef[] {
    return this.scan(start, end, (m) => m.end <= end);
  }

  /** Mentions that start inside [start, end), whatever their end (a mention may run over a comma). */
  startingIn(start: number, end: number): MentionRef[] {
    return this.scan(start, end, () => true);
  }

  /** The mentions that start in [start, end) and that `keep` accepts, in order, none inside one taken before. */
  private scan(start: number, end: number, keep: (m: MentionRef) => boolean): MentionRef[] {
    const out: MentionRef[] = [];
    let coveredTo = -1;
    for (let i = partitionPoint(this.list, (m) => m.start < start); i < this.list.length && this.list[i]!.start < end; i++) {
      const m = this.list[i]!;
      if (keep(m) && m.start >= coveredTo) {
        out.push(m);
        coveredTo = m.end;
      }
    }
    return out;
  }

  /** The last PER mention that ends at or before `pos` and starts at or after `from`. */
  lastPersonBefore(from: number, pos: number): MentionRef | null {
    const found = this.inside(from, pos).filter((m) => m.type === 'PER');
    return found[found.length - 1] ?? null;
  }

  /** The persons mentioned in [from, pos), in order. */
  personsIn(from: number, pos: number): MentionRef[] {
    return this.inside(from, pos).filter((m) => m.type === 'PER');
  }

  entity(id: string): Entity | undefined {
    return this.byId.get(id);
  }
}
