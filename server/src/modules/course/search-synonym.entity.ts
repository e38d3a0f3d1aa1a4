import { Entity, PrimaryKey } from '@mikro-orm/decorators/legacy';

/**
 * The words civil servants search with and what they stand for ("bimtek" → "bimbingan teknis"),
 * kept as data: the catalogue search (lentera_ext.catalogue_tsquery) expands a search by them in
 * both directions. A term may have several expansions (one row each).
 */
@Entity({ tableName: 'search_synonym' })
export class SearchSynonym {
  /** An abbreviation or word as typed, lower case ("bimtek", "pka"). */
  @PrimaryKey({ type: 'string', length: 40 })
  term: string;

  /** What it stands for, in words ("bimbingan teknis"). */
  @PrimaryKey({ type: 'string', length: 200 })
  expansion: string;

  constructor(term: string, expansion: string) {
    this.term = term;
    this.expansion = expansion;
  }
}
