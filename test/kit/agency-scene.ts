import type { Page } from 'playwright-core';
import type { Agency } from '../../server/src/modules/agency/index.js';
import type { DevelopmentForm } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { openBrowser, requireBuiltClient } from './browser.js';
import type { CourseSeed, SeededCourse } from './seed.js';
import { startTestApp, type TestApp } from './test-app.js';

/** A partner lecturer an agreement with the agency covers, and another of a partner with no agreement (same first name). */
export interface LecturersSeed {
  university: string;
  fullName: string;
  agreement: { number: string; validFrom?: string; validTo?: string; scope?: DevelopmentForm[] };
  /** The name of the lecturer of "Universitas Tanpa Perjanjian", whom no agreement covers. */
  uncovered: string;
}

export interface AgencyScene {
  app: TestApp;
  browser: Awaited<ReturnType<typeof openBrowser>>;
  page: Page;
  agency: Agency;
  admin: Person;
  learner: Person;
  /** The agency's course (or workshop), with its first run. */
  course: SeededCourse;
  /** The covered lecturer, when asked for. */
  lecturer: Person | null;
  close(): Promise<void>;
}

/**
 * The scene the admin-screen browser tests start from (runs, series, workshop sessions): a server of their own, an
 * agency with an admin and a learner, a course or workshop the agency owns (`course`: its fields, owner set here),
 * optionally partner lecturers one of whom an agreement covers (scope: the course's form unless given), and a browser.
 */
export async function startAgencyScene(fields: { agency: string; admin: string; learner: string; course: CourseSeed; lecturers?: LecturersSeed }): Promise<AgencyScene> {
  requireBuiltClient();
  const app = await startTestApp();
  try {
    const agency = await app.seed.agency({ name: fields.agency });
    const admin = await app.seed.person({ agency, fullName: fields.admin, roles: [{ role: Role.AGENCY_ADMIN, agency }] });
    const learner = await app.seed.person({ agency, fullName: fields.learner });
    const course = await app.seed.course({ ...fields.course, ownerAgency: agency });
    let lecturer: Person | null = null;
    if (fields.lecturers) {
      const { university, fullName, agreement, uncovered } = fields.lecturers;
      const partner = await app.seed.partner({ name: university });
      lecturer = await app.seed.person({ partner, fullName, roles: [{ role: Role.INSTRUCTOR, partner }] });
      await app.seed.agreement({ partner, agencies: [agency], number: agreement.number, validFrom: agreement.validFrom, validTo: agreement.validTo, scope: agreement.scope ?? [course.form] });
      const elsewhere = await app.seed.partner({ name: 'Universitas Tanpa Perjanjian' });
      await app.seed.person({ partner: elsewhere, fullName: uncovered, roles: [{ role: Role.INSTRUCTOR, partner: elsewhere }] });
    }
    const browser = await openBrowser();
    return {
      app, browser, page: browser.page, agency, admin, learner, course, lecturer,
      async close() {
        await browser.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
