import { useLocation } from 'react-router';

/**
 * The token of a mailed link (`/reset-password#token=…`). It rides in the fragment, which browsers never
 * send to a server: it stays out of access logs and Referer headers, and goes only into a request body.
 */
export function useFragmentToken(): string | null {
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token?.trim() || null;
}
