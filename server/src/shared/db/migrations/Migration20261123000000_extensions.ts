import { Migration } from '@mikro-orm/migrations';

/**
 * What the generated schema relies on, hand-written: trigram matching for typo-tolerant search, and
 * an immutable join of text arrays (array_to_string is only stable, and generated columns need immutable).
 */
export class Migration20261123000000_extensions extends Migration {
  override up(): void {
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql(`create schema if not exists lentera_ext;`);
    this.addSql(`create or replace function lentera_ext.join_tags(tags text[]) returns text
      language sql immutable parallel safe as $$ select coalesce(array_to_string(tags, ' '), '') $$;`);
  }
}
