import {
  IconBooks,
  IconBuildingBank,
  IconBuildingCommunity,
  IconChalkboardTeacher,
  IconChecklist,
  IconClipboardList,
  IconFileCertificate,
  IconHome,
  IconKey,
  IconMailExclamation,
  IconRoute,
  IconSchool,
  IconSitemap,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { hasRole, type SessionMe } from '../../app/me';

export interface NavItem {
  to: string;
  /** i18n key of the full label (side navbar) and of the short one (bottom bar). */
  label: string;
  short: string;
  icon: Icon;
  /** Section heading key, for grouping in the side navbar. */
  section: 'learn' | 'work' | 'admin' | 'partner' | 'platform';
}

/** What this person may open, in the order they will use it most. */
export function navItemsFor(me: SessionMe): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'nav.home', short: 'nav.homeShort', icon: IconHome, section: 'learn' }];
  if (hasRole(me, 'LEARNER')) {
    items.push({ to: '/katalog', label: 'nav.catalogue', short: 'nav.catalogueShort', icon: IconBooks, section: 'learn' });
    items.push({ to: '/pendaftaran', label: 'nav.myEnrolments', short: 'nav.myEnrolmentsShort', icon: IconClipboardList, section: 'learn' });
    items.push({ to: '/program-saya', label: 'nav.myProgrammes', short: 'nav.myProgrammesShort', icon: IconSchool, section: 'learn' }); // an icon the shell has already: the bundle budget
    items.push({ to: '/jp-saya', label: 'nav.myLearningHours', short: 'nav.myLearningHoursShort', icon: IconClipboardList, section: 'learn' });
    items.push({ to: '/sertifikat-saya', label: 'nav.myCertificates', short: 'nav.myCertificatesShort', icon: IconFileCertificate, section: 'learn' });
  }
  if (hasRole(me, 'SUPERVISOR', 'AGENCY_ADMIN')) {
    items.push({ to: '/persetujuan', label: 'nav.approvals', short: 'nav.approvalsShort', icon: IconChecklist, section: 'work' });
  }
  if (hasRole(me, 'SUPERVISOR')) {
    items.push({ to: '/tim/jp', label: 'nav.teamLearningHours', short: 'nav.teamLearningHoursShort', icon: IconUsers, section: 'work' });
  }
  if (hasRole(me, 'INSTRUCTOR')) {
    items.push({ to: '/mengajar', label: 'nav.teaching', short: 'nav.teachingShort', icon: IconChalkboardTeacher, section: 'work' });
  }
  if (hasRole(me, 'AGENCY_ADMIN')) {
    items.push({ to: '/admin/pegawai', label: 'nav.adminPeople', short: 'nav.adminPeopleShort', icon: IconUsers, section: 'admin' });
    items.push({ to: '/admin/unit-kerja', label: 'nav.adminUnits', short: 'nav.adminUnitsShort', icon: IconSitemap, section: 'admin' });
    items.push({ to: '/admin/kursus', label: 'nav.adminCourses', short: 'nav.adminCoursesShort', icon: IconSchool, section: 'admin' });
    items.push({ to: '/admin/peran', label: 'nav.adminRoles', short: 'nav.adminRolesShort', icon: IconKey, section: 'admin' });
    items.push({ to: '/admin/ekspor-jp', label: 'nav.adminLearningExport', short: 'nav.adminLearningExportShort', icon: IconClipboardList, section: 'admin' });
    items.push({ to: '/admin/kunci-sertifikat', label: 'nav.adminCredentialKeys', short: 'nav.adminCredentialKeysShort', icon: IconKey, section: 'admin' });
    items.push({ to: '/pustaka-program', label: 'nav.programmeLibrary', short: 'nav.programmeLibraryShort', icon: IconBooks, section: 'admin' });
    items.push({ to: '/admin/jp', label: 'nav.agencyLearningHours', short: 'nav.agencyLearningHoursShort', icon: IconUsers, section: 'admin' });
    items.push({ to: '/admin/jp/verifikasi', label: 'nav.externalActivityQueue', short: 'nav.externalActivityQueueShort', icon: IconChecklist, section: 'admin' });
    items.push({ to: '/admin/sertifikat', label: 'nav.adminCertificates', short: 'nav.adminCertificatesShort', icon: IconFileCertificate, section: 'admin' });
  }
  if (hasRole(me, 'AGENCY_ADMIN', 'PARTNER_ADMIN')) {
    items.push({ to: '/admin/program', label: 'nav.adminProgrammes', short: 'nav.adminProgrammesShort', icon: IconRoute, section: 'admin' });
  }
  if (hasRole(me, 'AGENCY_ADMIN', 'PARTNER_ADMIN', 'PLATFORM_ADMIN')) {
    items.push({ to: '/kerja-sama', label: 'nav.agreements', short: 'nav.agreementsShort', icon: IconFileCertificate, section: 'admin' });
    items.push({ to: '/admin/penandatangan', label: 'nav.adminSigners', short: 'nav.adminSignersShort', icon: IconKey, section: 'admin' });
  }
  if (hasRole(me, 'AGENCY_ADMIN', 'PLATFORM_ADMIN')) {
    items.push({ to: '/admin/aturan-jp', label: 'nav.learningRules', short: 'nav.learningRulesShort', icon: IconFileCertificate, section: 'admin' });
  }
  if (hasRole(me, 'PARTNER_ADMIN')) {
    items.push({ to: '/mitra', label: 'nav.myPartner', short: 'nav.myPartnerShort', icon: IconBuildingBank, section: 'partner' });
  }
  if (hasRole(me, 'PLATFORM_ADMIN')) {
    items.push({ to: '/platform/mitra', label: 'nav.platformPartners', short: 'nav.platformPartnersShort', icon: IconBuildingBank, section: 'platform' });
    items.push({ to: '/platform/instansi', label: 'nav.platformAgencies', short: 'nav.platformAgenciesShort', icon: IconBuildingCommunity, section: 'platform' });
    items.push({ to: '/platform/pekerjaan-gagal', label: 'nav.failedJobs', short: 'nav.failedJobsShort', icon: IconMailExclamation, section: 'platform' });
  }
  return items;
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.to === '/') return pathname === '/';
  // "JP instansi" and its verification queue are two entries: the queue's path lies under the first's.
  if (item.to === '/admin/jp') return pathname === '/admin/jp';
  if (item.to === '/katalog') return pathname.startsWith('/katalog') || pathname.startsWith('/kursus/');
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
