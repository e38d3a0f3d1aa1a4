import type { OperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { isUuid } from '../../shared/util/ids.js';
import type { RunSessionStatus } from './session.entity.js';
import type { RunMaterialType, RunSessionType } from './session.types.js';

export interface SessionRow {
  id: string;
  run_id: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  title: string | null;
  room: string | null;
  address: string | null;
  online_url: string | null;
  status: RunSessionStatus;
  cancel_reason: string | null;
}

export const SESSION_COLUMNS = [
  's.id', 's.run_id', 's.starts_at', 's.ends_at', 's.time_zone', 's.title', 's.room', 's.address', 's.online_url', 's.status', 's.cancel_reason',
] as const;

/** The driver may hand timestamps over as text. */
const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export async function sessionById(ctx: Pick<OperationContext, 'em'>, id: string): Promise<SessionRow | null> {
  if (!isUuid(id)) return null;
  const row = await db(ctx).selectFrom('run_session as s').select(SESSION_COLUMNS).where('s.id', '=', id).executeTakeFirst();
  return row ? { ...row, starts_at: asDate(row.starts_at), ends_at: asDate(row.ends_at) } : null;
}

/** A session as GraphQL shows it; its online link only when the viewer may join (seesOnlineLink, decided by the caller). */
export function toSession(row: SessionRow, mayJoin: boolean): RunSessionType {
  return {
    id: row.id, runId: row.run_id, startsAt: asDate(row.starts_at), endsAt: asDate(row.ends_at), timeZone: row.time_zone,
    title: row.title, room: row.room, address: row.address, hasOnlineUrl: row.online_url !== null,
    onlineUrl: mayJoin ? row.online_url : null, status: row.status, cancelReason: row.cancel_reason,
  };
}

export interface MaterialRow {
  id: string;
  run_id: string;
  title: string;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  byte_size: number | null;
  created_at: Date;
}

export const MATERIAL_COLUMNS = ['m.id', 'm.run_id', 'm.title', 'm.url', 'm.file_name', 'm.content_type', 'm.byte_size', 'm.created_at'] as const;

/** The address a file material downloads from (session.http.ts). */
const materialDownloadPath = (id: string) => `/files/run-materials/${id}`;

/** A material as GraphQL shows it: a link's address and a file's download path only when the viewer may have them. */
export function toMaterial(row: MaterialRow, mayHave: boolean): RunMaterialType {
  const isFile = row.url === null;
  return {
    id: row.id, title: row.title, url: mayHave ? row.url : null, downloadUrl: mayHave && isFile ? materialDownloadPath(row.id) : null,
    fileName: row.file_name, contentType: row.content_type, byteSize: row.byte_size, createdAt: asDate(row.created_at),
  };
}
