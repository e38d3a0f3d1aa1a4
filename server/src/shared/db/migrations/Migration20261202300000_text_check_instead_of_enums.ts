import { Migration } from '@mikro-orm/migrations';

/**
 * Agency kinds, partner kinds, employment types and roles become text with a CHECK constraint instead of
 * native enums. A value added to a native enum cannot be used in the transaction that adds it (PostgreSQL's
 * "unsafe use of new value"), and migrations run in one transaction; a CHECK constraint is replaced and
 * used in the same one. (Course, enrolment and learning-hours enums are converted by their owners.)
 */
export class Migration20261202300000_text_check_instead_of_enums extends Migration {

  override name = 'Migration20261202300000_text_check_instead_of_enums';

  override up(): void | Promise<void> {
    // This constraint compares with an employment_type literal; it is rebuilt over the text column.
    this.addSql(`alter table "person" drop constraint "person_asn_has_nip";`);

    this.addSql(`alter table "agency" alter column "kind" type text using ("kind"::text);`);
    this.addSql(`alter table "agency" add constraint "agency_kind_check" check ("kind" in ('MINISTRY', 'NATIONAL_AGENCY', 'PROVINCE', 'REGENCY', 'CITY'));`);

    this.addSql(`alter table "partner_institution" alter column "kind" type text using ("kind"::text);`);
    this.addSql(`alter table "partner_institution" add constraint "partner_institution_kind_check" check ("kind" in ('UNIVERSITY', 'TRAINING_INSTITUTE', 'GOVERNMENT_TRAINING_CENTRE', 'NGO'));`);

    this.addSql(`alter table "person" alter column "employment_type" type text using ("employment_type"::text);`);
    this.addSql(`alter table "person" add constraint "person_employment_type_check" check ("employment_type" in ('PNS', 'PPPK', 'NON_ASN'));`);
    this.addSql(`alter table "person" add constraint "person_asn_has_nip" check (employment_type = 'NON_ASN' or nip is not null);`);

    this.addSql(`alter table "role_grant" alter column "role" type text using ("role"::text);`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_role_check" check ("role" in ('LEARNER', 'SUPERVISOR', 'AGENCY_ADMIN', 'INSTRUCTOR', 'PARTNER_ADMIN', 'PLATFORM_ADMIN'));`);

    this.addSql(`drop type "agency_kind";`);
    this.addSql(`drop type "employment_type";`);
    this.addSql(`drop type "partner_kind";`);
    this.addSql(`drop type "role";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create type "agency_kind" as enum ('MINISTRY', 'NATIONAL_AGENCY', 'PROVINCE', 'REGENCY', 'CITY');`);
    this.addSql(`create type "employment_type" as enum ('PNS', 'PPPK', 'NON_ASN');`);
    this.addSql(`create type "partner_kind" as enum ('UNIVERSITY', 'TRAINING_INSTITUTE', 'GOVERNMENT_TRAINING_CENTRE', 'NGO');`);
    this.addSql(`create type "role" as enum ('LEARNER', 'SUPERVISOR', 'AGENCY_ADMIN', 'INSTRUCTOR', 'PARTNER_ADMIN', 'PLATFORM_ADMIN');`);
    this.addSql(`alter table "person" drop constraint "person_asn_has_nip";`);

    this.addSql(`alter table "agency" drop constraint "agency_kind_check";`);
    this.addSql(`alter table "agency" alter column "kind" type "agency_kind" using ("kind"::"agency_kind");`);

    this.addSql(`alter table "partner_institution" drop constraint "partner_institution_kind_check";`);
    this.addSql(`alter table "partner_institution" alter column "kind" type "partner_kind" using ("kind"::"partner_kind");`);

    this.addSql(`alter table "person" drop constraint "person_employment_type_check";`);
    this.addSql(`alter table "person" alter column "employment_type" type "employment_type" using ("employment_type"::"employment_type");`);
    this.addSql(`alter table "person" add constraint "person_asn_has_nip" check (employment_type = 'NON_ASN' or nip is not null);`);

    this.addSql(`alter table "role_grant" drop constraint "role_grant_role_check";`);
    this.addSql(`alter table "role_grant" alter column "role" type "role" using ("role"::"role");`);
  }

}
