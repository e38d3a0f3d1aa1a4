import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, FileButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconLink, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { SessionMaterials_MaterialFragment } from '../../gql/__generated__/graphql';
import { notifySuccess } from '../../ui/notify';

graphql(`
  fragment SessionMaterials_material on RunMaterial {
    id
    title
    url
    downloadUrl
    fileName
    byteSize
  }
`);

const AddRunMaterialLinkDocument = graphql(`
  mutation AddRunMaterialLink($input: AddRunMaterialLinkInput!) {
    addRunMaterialLink(input: $input)
  }
`);
const RemoveRunMaterialDocument = graphql(`
  mutation RemoveRunMaterial($id: ID!) {
    removeRunMaterial(id: $id)
  }
`);

const REFETCH = { refetchQueries: ['AdminWorkshopRun'], awaitRefetchQueries: true };

/** Sends a file to the server (workshop/session.http.ts), which checks its size and type by its content. */
async function uploadMaterial(runId: string, file: File, title: string): Promise<string | null> {
  const query = new URLSearchParams({ title: title || file.name, fileName: file.name });
  const response = await fetch(`/files/runs/${runId}/materials?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    // Never a form's type (refused as CSRF-prone): the file's own type, or plain bytes.
    headers: { 'Content-Type': file.type && !file.type.startsWith('text/') ? file.type : 'application/octet-stream' },
    body: file,
  });
  if (response.ok) return null;
  const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
  return body?.errors?.[0]?.message ?? response.statusText;
}

/** A workshop run's materials for its managers: links (https) and uploaded files; remove. */
export function SessionMaterials({ runId, materials }: { runId: string; materials: SessionMaterials_MaterialFragment[] }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [addLink, a] = useMutation(AddRunMaterialLinkDocument, REFETCH);
  const [remove] = useMutation(RemoveRunMaterialDocument, REFETCH);

  async function onLink() {
    setProblem(null);
    try {
      await addLink({ variables: { input: { runId, title: title.trim(), url: url.trim() } } });
      setTitle('');
      setUrl('');
      notifySuccess(t('workshopAdmin.linkAdded'));
    } catch (e) {
      setProblem(toUiError(e, t).message);
    }
  }

  return (
    <Paper withBorder p="md" bg="white" component="section" aria-labelledby="workshop-materials">
      <Title order={2} fz="md" mb="sm" id="workshop-materials">
        {t('workshopAdmin.materials')}
      </Title>
      {materials.length === 0 ? <Text c="dimmed">{t('workshopAdmin.materialsNone')}</Text> : null}
      <Stack gap="xs" component="ul" className="lentera-plain-list" mb="md">
        {materials.map((m) => (
          <Group key={m.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap={6} wrap="nowrap" align="flex-start" miw={0} flex={1}>
              {m.url ? <IconLink size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" /> : <IconDownload size={16} aria-hidden className="lentera-noshrink lentera-icon-nudge" />}
              <Anchor href={m.url ?? m.downloadUrl ?? undefined} target={m.url ? '_blank' : undefined} rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                {m.title}
              </Anchor>
            </Group>
            <Button size="xs" variant="subtle" color="red" className="lentera-noshrink" leftSection={<IconTrash size={14} aria-hidden />} aria-label={t('workshopAdmin.removeAria', { title: m.title })}
              onClick={() => void remove({ variables: { id: m.id } }).then(() => notifySuccess(t('workshopAdmin.removed'))).catch((e: unknown) => setProblem(toUiError(e, t).message))}>
              {t('workshopAdmin.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Stack gap="sm">
        {problem ? <Alert color="red" variant="light" role="alert">{problem}</Alert> : null}
        <TextInput label={t('workshopAdmin.linkTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
        <TextInput type="url" label={t('workshopAdmin.linkUrl')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} maxLength={1000} />
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} loading={a.loading} disabled={!title.trim() || !url.trim()} onClick={() => void onLink()}>
            {t('workshopAdmin.addLink')}
          </Button>
          <FileButton
            accept="application/pdf,image/png,image/jpeg,.pptx,.docx,.xlsx"
            onChange={(file) => {
              if (!file) return;
              setProblem(null);
              setUploading(true);
              void uploadMaterial(runId, file, title.trim()).then(async (error) => {
                setUploading(false);
                if (error) return setProblem(error);
                setTitle('');
                notifySuccess(t('workshopAdmin.uploaded'));
                await a.client.refetchQueries({ include: ['AdminWorkshopRun'] });
              });
            }}
          >
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />} loading={uploading}>
                {t('workshopAdmin.uploadFile')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">{t('workshopAdmin.fileHint')}</Text>
      </Stack>
    </Paper>
  );
}
