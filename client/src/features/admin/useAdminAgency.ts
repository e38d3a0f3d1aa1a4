import { useSearchParams } from 'react-router';
import { hasRole, useMe } from '../../app/session';

/**
 * The agency the admin pages work on: `?instansi=<id>` when the viewer administers several (or
 * is a platform admin), otherwise the one they administer.
 */
export function useAdminAgency() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const platform = hasRole(me, 'PLATFORM_ADMIN');
  const requested = params.get('instansi');
  const agencyId =
    requested && (platform || me.adminAgencyIds.includes(requested)) ? requested : (me.adminAgencyIds[0] ?? (platform ? me.agencyId : null) ?? null);
  const canSwitch = platform || me.adminAgencyIds.length > 1;
  function setAgencyId(id: string) {
    const next = new URLSearchParams(params);
    next.set('instansi', id);
    setParams(next, { replace: true });
  }
  return { agencyId, canSwitch, setAgencyId, platform };
}
