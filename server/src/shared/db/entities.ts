import { Agency, OrgUnit } from '../../modules/agency/agency.entity.js';
import { Agreement, AgreementDocument, AgreementExpiryNotice } from '../../modules/agreement/agreement.entity.js';
import { AuditEntry } from '../../modules/audit/audit.entity.js';
import { Session, SignInLimit } from '../../modules/auth/session.entity.js';
import { PasswordReset } from '../../modules/auth/password-reset.entity.js';
import { Course } from '../../modules/course/course.entity.js';
import { SearchSynonym } from '../../modules/course/search-synonym.entity.js';
import { CourseRun } from '../../modules/run/run.entity.js';
import { Enrolment } from '../../modules/enrolment/enrolment.entity.js';
import { LearningRecord, LearningRuleSet, PersonLearningYear } from '../../modules/learning-hours/learning-hours.entity.js';
import { ExternalActivity, ExternalActivityEvidence } from '../../modules/learning-hours/external-activity.entity.js';
import { PartnerInstitution } from '../../modules/partner/partner.entity.js';
import { PartnerInvitation } from '../../modules/partner/partner-invitation.entity.js';
import { Person, RoleGrant } from '../../modules/person/person.entity.js';
import { CalendarFeed } from '../../modules/calendar/calendar-feed.entity.js';
import { RunSession } from '../../modules/workshop/session.entity.js';
import { RunSeries } from '../../modules/workshop/series.entity.js';
import { SessionAttendance } from '../../modules/workshop/attendance.entity.js';
import { RunMaterial, SessionReminder } from '../../modules/workshop/session-material.entity.js';
import { CheckInLimit, ServerSecret } from '../../modules/workshop/check-in.entity.js';
import { WorkshopRunSettlement } from '../../modules/workshop/workshop-credit.entity.js';
import {
  CohortAgencyQuota, CohortItemRun, CohortParticipant, Programme, ProgrammeCohort, ProgrammeGroup, ProgrammeItem,
} from '../../modules/programme/programme.entity.js';
import { Certificate, CertificateSerialCounter, CertificateSigner } from '../../modules/certificate/certificate.entity.js';
import { LearningExport } from '../../modules/learning-hours/export.entity.js';
import { CertificatePdf, OrganisationLogo } from '../../modules/certificate/pdf.entity.js';
import { CertificateCredential } from '../../modules/certificate/credential.entity.js';
import { CredentialIssuerKey } from '../../modules/certificate/issuer-key.entity.js';
import { CredentialStatusList } from '../../modules/certificate/status-list.entity.js';

/** Every persisted entity, for the ORM and the migration generator. */
export const entities = [
  Agency, OrgUnit, PartnerInstitution, PartnerInvitation, Person, RoleGrant, Session, SignInLimit, PasswordReset,
  Course, CourseRun, SearchSynonym, Enrolment, LearningRuleSet, LearningRecord, PersonLearningYear, AuditEntry,
  CalendarFeed,
  Agreement, AgreementDocument, AgreementExpiryNotice,
  RunSession, SessionAttendance,
  RunMaterial, SessionReminder,
  RunSeries,
  CheckInLimit, ServerSecret, WorkshopRunSettlement,
  Programme, ProgrammeGroup, ProgrammeItem, ProgrammeCohort, CohortItemRun, CohortAgencyQuota, CohortParticipant,
  Certificate, CertificateSerialCounter, CertificateSigner,
  ExternalActivity, ExternalActivityEvidence,
  LearningExport,
  CertificatePdf, OrganisationLogo,
  CredentialIssuerKey, CredentialStatusList, CertificateCredential,
];
