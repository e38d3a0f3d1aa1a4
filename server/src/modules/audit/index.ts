export { AuditEntry } from './audit.entity.js';
export { writeAudit } from './write-audit.js';
