import { Anchor, Badge, Group, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconLock, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/useFormatters';
import type { ProgrammeCompletionRule, ProgrammeItemState } from '../../gql/__generated__/graphql';

export interface PathItemView {
  id: string;
  position: number;
  required: boolean;
  groupId: string | null;
  course: { id: string; title: string; jp: number; kind: string };
}

export interface PathGroupView {
  id: string;
  title: string;
  minCompleted: number;
}

export interface ItemProgressView {
  itemId: string;
  state: ProgrammeItemState;
  jp: number;
  completedElsewhere: boolean;
  locked: boolean;
  outOfOrder: boolean;
}

const STATE_ICON = { COMPLETED: IconCircleCheck, IN_PROGRESS: IconPlayerPlay, REGISTERED: IconCircleDashed, NOT_STARTED: IconCircleDashed, FAILED: IconX };
const STATE_COLOR = { COMPLETED: 'teal', IN_PROGRESS: 'lantern', REGISTERED: 'gray', NOT_STARTED: 'gray', FAILED: 'red' };

/** The completion rule in words: "Selesaikan semua kegiatan wajib, berurutan". */
export function completionRuleText(t: ReturnType<typeof useTranslation>['t'], rule: ProgrammeCompletionRule, groups: PathGroupView[]): string {
  const base = t(`path.rule.${rule}`);
  if (rule !== 'GROUPS' || !groups.length) return base;
  return `${base} ${groups.map((g) => t('path.rule.group', { min: g.minCompleted, title: g.title })).join('; ')}.`;
}

/**
 * The path as an ordered list: each step with its kind, whether it is required (or which group of electives it
 * belongs to), its JP, and for a participant where they stand on it. States are said in words and icons, never by
 * colour alone.
 */
export function PathSteps({ items, groups, progress, nextItemId }: { items: PathItemView[]; groups: PathGroupView[]; progress?: ItemProgressView[] | null; nextItemId?: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const groupOf = new Map(groups.map((g) => [g.id, g]));
  const byItem = new Map((progress ?? []).map((p) => [p.itemId, p]));
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('path.pathLabel')}>
      {items.map((item, i) => {
        const p = byItem.get(item.id);
        const group = item.groupId ? groupOf.get(item.groupId) : null;
        const Icon = p?.locked ? IconLock : p ? STATE_ICON[p.state] : IconCircleDashed;
        const isNext = nextItemId === item.id;
        return (
          <Paper component="li" key={item.id} withBorder p="sm" radius="md" bg={isNext ? 'lantern.0' : 'white'} data-testid="path-step">
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <ThemeIcon variant="light" color={p?.locked ? 'gray' : p ? STATE_COLOR[p.state] : 'gray'} radius="xl" size="lg" aria-hidden>
                <Icon size={18} />
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text size="xs" c="dimmed">
                  {t('path.step', { n: i + 1 })} · {t(`enum.courseKind.${item.course.kind}`)} · {fmt.number(item.course.jp)} JP
                </Text>
                <Anchor component={Link} to={`/kursus/${item.course.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.course.title}
                </Anchor>
                <Group gap={6}>
                  {group ? (
                    <Badge variant="light" color="ink" size="sm">{t('path.elective', { title: group.title, min: group.minCompleted })}</Badge>
                  ) : (
                    <Badge variant="light" color={item.required ? 'lantern' : 'gray'} size="sm">{item.required ? t('path.required') : t('path.optional')}</Badge>
                  )}
                  {p ? (
                    <Badge variant="light" color={p.locked ? 'gray' : STATE_COLOR[p.state]} size="sm" data-testid="step-state">
                      {p.locked ? t('path.locked') : t(`path.state.${p.state}`)}
                    </Badge>
                  ) : null}
                  {isNext ? <Badge color="lantern" size="sm">{t('path.next')}</Badge> : null}
                </Group>
                {p?.state === 'COMPLETED' ? (
                  <Text size="xs" c="dimmed">
                    {t('path.stepJp', { jp: fmt.number(p.jp, 1) })}
                    {p.completedElsewhere ? ` · ${t('path.completedElsewhere')}` : ''}
                  </Text>
                ) : null}
                {p?.outOfOrder ? <Text size="xs" c="red.8">{t('path.outOfOrder')}</Text> : null}
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** One number first: how far along the path, and the JP its items credited. */
export function PathProgressSummary({ percent, jp, requiredCompleted, requiredTotal, compact }: { percent: number; jp: number; requiredCompleted: number; requiredTotal: number; compact?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text fw={700} size={compact ? 'sm' : 'lg'}>{t('path.percent', { percent })}</Text>
        <Text size="sm" c="dimmed">{t('path.requiredDone', { done: requiredCompleted, total: requiredTotal })}</Text>
      </Group>
      <Progress value={percent} size={compact ? 'sm' : 'lg'} radius="xl" aria-label={t('path.progressAria', { percent })} />
      <Text size="sm">{t('path.jpCollected', { jp: fmt.number(jp, 1) })}</Text>
    </Stack>
  );
}
