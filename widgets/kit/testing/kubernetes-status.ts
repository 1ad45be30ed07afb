import { HttpResponse } from 'msw';

const REASONS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
};

/** A Kubernetes API server's error answer: a `Status` object with the HTTP code (mock handlers). */
export function kubeError(code: number, message: string): Response {
  const reason = REASONS[code] ?? 'ServiceUnavailable';
  return HttpResponse.json({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }, { status: code });
}
