import { Migration } from '@mikro-orm/migrations';

/**
 * Partner staff (modules/partner): invitations by e-mail (`partner_invitation`, the token's SHA-256 only), the
 * institution's website and contact, and one NIDN per person. A NIDN written twice before it was unique stays with
 * the person who had it first; the later copies are cleared (an admin re-enters the right one).
 */
export class Migration20261203400000_partner_staff extends Migration {

  override name = 'Migration20261203400000_partner_staff';

  override up(): void | Promise<void> {
    this.addSql(`create table "partner_invitation" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "partner_id" uuid not null, "email" varchar(254) not null, "full_name" varchar(200) not null, "nidn" varchar(10) null, "role" text not null, "token_hash" varchar(64) null, "generation" int not null default 1, "expires_at" timestamptz not null, "invited_by_id" uuid null, "accepted_at" timestamptz null, "accepted_person_id" uuid null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "partner_invitation_token_hash_index" on "partner_invitation" ("token_hash");`);
    this.addSql(`create index "partner_invitation_partner_id_created_at_index" on "partner_invitation" ("partner_id", "created_at");`);
    this.addSql(`create unique index "partner_invitation_open_once" on "partner_invitation" ("partner_id", "email") where "accepted_at" is null and "revoked_at" is null;`);

    this.addSql(`alter table "partner_institution" add "website" varchar(300) null, add "contact_email" varchar(254) null, add "contact_phone" varchar(30) null;`);

    this.addSql(`update "person" p set "nidn" = null where "nidn" is not null and exists (
      select 1 from "person" q where q."nidn" = p."nidn" and (q."created_at", q."id") < (p."created_at", p."id"));`);
    this.addSql(`alter table "person" add constraint "person_nidn_unique" unique ("nidn");`);

    this.addSql(`alter table "partner_invitation" add constraint "partner_invitation_partner_id_foreign" foreign key ("partner_id") references "partner_institution" ("id") on delete cascade;`);
    this.addSql(`alter table "partner_invitation" add constraint "partner_invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "partner_invitation" add constraint "partner_invitation_accepted_person_id_foreign" foreign key ("accepted_person_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "partner_invitation" add constraint "partner_invitation_role_check" check ("role" in ('INSTRUCTOR', 'PARTNER_ADMIN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "partner_invitation" cascade;`);

    this.addSql(`alter table "partner_institution" drop column "website", drop column "contact_email", drop column "contact_phone";`);

    this.addSql(`alter table "person" drop constraint "person_nidn_unique";`);
  }

}
