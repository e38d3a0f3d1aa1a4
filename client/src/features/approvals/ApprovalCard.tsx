import { Anchor, Button, Card, Group, Modal, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { ApprovalCard_RequestFragment } from '../../gql/__generated__/graphql';
import { seatsText } from '../course/seats';
import { useDecide } from './useDecide';

graphql(`
  fragment ApprovalCard_request on ApprovalRequest {
    id
    requestedAt
    approverName
    learnerJpThisYear
    learnerTargetJp
    learner {
      id
      fullName
      nip
      orgUnitName
      positionTitle
    }
    course {
      id
      title
      jp
      form
      ownerName
    }
    run {
      id
      code
      startsAt
      endsAt
      capacity
      seatsLeft
    }
  }
`);

/** One request: who, what, how many JP they have so far; approve in one tap, reject with a reason. */
export function ApprovalCard({ request: r, showApprover }: { request: ApprovalCard_RequestFragment; showApprover?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { approve, reject, approving, rejecting } = useDecide();
  const [opened, modal] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const pct = r.learnerTargetJp > 0 ? Math.min(100, (r.learnerJpThisYear / r.learnerTargetJp) * 100) : 0;
  const who = [r.learner.positionTitle, r.learner.orgUnitName].filter(Boolean).join(' · ');

  async function submitReject() {
    if (!reason.trim()) {
      setLocalError(t('approvals.reasonRequired'));
      return;
    }
    setLocalError(null);
    const problem = await reject(r.id, reason, r.learner.fullName);
    if (problem) setError(problem);
    else modal.close();
  }

  return (
    <Card bg="white" component="article" aria-labelledby={`req-${r.id}`}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Text fw={800} fz="lg" id={`req-${r.id}`}>
            {r.learner.fullName}
          </Text>
          {who ? (
            <Text size="sm" c="dimmed">
              {who}
            </Text>
          ) : null}
        </Stack>
        <Text>
          {t('approvals.wantsToJoin')}{' '}
          <Anchor component={Link} to={`/kursus/${r.course.id}`} fw={700}>
            {r.course.title}
          </Anchor>{' '}
          ({t('common.jp', { jp: fmt.number(r.course.jp) })})
        </Text>
        <Text size="sm" c="dimmed">
          {[r.course.ownerName, t('run.code', { code: r.run.code }), r.run.startsAt ? fmt.schedule(r.run.startsAt, r.run.endsAt) : t('course.anytime'), seatsText(r.run, t)].join(' · ')}
        </Text>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('approvals.learnerJp', { jp: fmt.number(r.learnerJpThisYear, 1), target: fmt.number(r.learnerTargetJp) })}
            </Text>
          </Group>
          <Progress value={pct} color={pct >= 100 ? 'teal.6' : 'lantern.5'} size="sm" aria-hidden />
        </Stack>
        <Text size="sm" c="dimmed">
          {showApprover && r.approverName
            ? t('approvals.requestedWithApprover', { since: fmt.relative(r.requestedAt), name: r.approverName })
            : t('approvals.requested', { since: fmt.relative(r.requestedAt) })}
        </Text>
        <Group grow gap="sm">
          <Button color="teal.8" leftSection={<IconCheck size={18} aria-hidden />} loading={approving} onClick={() => void approve(r.id, r.learner.fullName, r.course.title)} aria-label={t('approvals.approveAria', { name: r.learner.fullName })}>
            {t('approvals.approve')}
          </Button>
          <Button variant="default" leftSection={<IconX size={18} aria-hidden />} onClick={modal.open} aria-label={t('approvals.rejectAria', { name: r.learner.fullName })}>
            {t('approvals.reject')}
          </Button>
        </Group>
      </Stack>

      <Modal opened={opened} onClose={modal.close} title={t('approvals.rejectTitle', { name: r.learner.fullName })} centered>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submitReject();
          }}
        >
          <Stack>
            <Text size="sm">{t('approvals.rejectHelp', { course: r.course.title })}</Text>
            <Textarea
              label={t('approvals.reason')}
              description={t('approvals.reasonHint')}
              required
              autosize
              minRows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={localError ?? error?.fields.reason ?? (error ? error.message : undefined)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={modal.close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.8" loading={rejecting}>
                {t('approvals.confirmReject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
