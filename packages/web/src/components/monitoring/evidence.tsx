import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiGet, apiUrl, asApiError } from '../../api/client.ts';
import { useLang } from '../../i18n/useLang.ts';

/**
 * One piece of evidence of a cycle as `GET /cities/:slug/cycles/:year/evidence` serves it
 * (EvidenceOutSchema of the server's monitoring module, which core does not carry).
 */
export interface Evidence {
  id: string;
  kind: 'file' | 'link';
  /** The measurement it backs; null for the whole report. */
  measurementId: string | null;
  breakdown: string | null;
  title: string | null;
  /** Links: the address. */
  url: string | null;
  /** Files: the safe name offered on download. */
  fileName: string | null;
  /** Files: the type read from the content. */
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  /** Files: the full API path that downloads it (as visible as the cycle). */
  downloadPath: string | null;
  uploadedBy: string | null;
  uploadedAt: string;
}

/** The API path of a cycle's evidence. */
export const evidencePath = (slug: string, year: number) =>
  `/cities/${encodeURIComponent(slug)}/cycles/${year}/evidence`;

/** "2.4 MB", "312 kB", in the interface language. */
export function useFileSize() {
  const lang = useLang();
  return (bytes: number): string => {
    const [value, unit] =
      bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
    return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  };
}

/**
 * The evidence as a link: a file downloads (its name, type and size said), a link opens the city's
 * address in a new tab. Titles and names are the city's own words, in any language.
 */
export function EvidenceLink({ item }: { item: Evidence }) {
  const { t } = useTranslation();
  const size = useFileSize();
  if (item.kind === 'file' && item.downloadPath) {
    const name = item.title ?? item.fileName ?? item.id;
    return (
      <>
        <a href={item.downloadPath} download={item.fileName ?? true}>
          <bdi>{name}</bdi>
        </a>{' '}
        <span className="evidence__facts">
          ({t('monitoring.evidence.fileFacts', { type: fileType(item), size: size(item.size ?? 0) })})
        </span>
      </>
    );
  }
  return (
    <>
      <a href={item.url ?? '#'} target="_blank" rel="noopener noreferrer">
        <bdi>{item.title ?? item.url}</bdi>
        <span className="visually-hidden"> {t('monitoring.evidence.newTab')}</span>
      </a>{' '}
      <span className="evidence__facts">({hostOf(item.url)})</span>
    </>
  );
}

/** What a file is, by the type the server read from its content: "PDF", "XLSX", "PNG". */
function fileType(item: Evidence): string {
  const ext = /\.([a-z0-9]+)$/i.exec(item.fileName ?? '')?.[1];
  return (ext ?? item.contentType ?? '').toUpperCase();
}

function hostOf(url: string | null): string {
  if (!url || !URL.canParse(url)) return '';
  return new URL(url).host;
}

interface State {
  key: string;
  items: (Evidence & { year: number })[] | undefined;
  error: ApiError | undefined;
}

/**
 * The evidence of several published cycles of one city, fetched in parallel, each item with its year.
 * `years` null means "not known yet". Accepted cycles' evidence is public.
 */
export function usePublishedEvidence(slug: string, years: readonly number[] | null) {
  const key = years === null ? '' : `${slug}|${years.join(',')}`;
  const [state, setState] = useState<State>({ key: '', items: undefined, error: undefined });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for slug and years.
  useEffect(() => {
    if (years === null) return;
    const controller = new AbortController();
    setState({ key, items: undefined, error: undefined });
    Promise.all(
      years.map((year) =>
        apiGet<{ items: Evidence[] }>(apiUrl(evidencePath(slug, year)), controller.signal, { keep: false }).then(
          (body) => body.items.map((item) => ({ ...item, year })),
        ),
      ),
    ).then(
      (lists) => setState({ key, items: lists.flat(), error: undefined }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, items: undefined, error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.key === key && key !== '';
  return { items: current ? state.items : undefined, error: current ? state.error : undefined, retry };
}
