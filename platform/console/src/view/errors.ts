import type { ConsoleError } from '../api/client';
import type { Translate } from './words';

/** A failed call in words for the person at the desk; the stable code picks the sentence. */
export function errorWords(t: Translate, error: ConsoleError): string {
  switch (error.kind) {
    case 'unauthorized':
      return t('errors:unauthorized');
    case 'network':
      return t('errors:network');
    case 'invalidRequest':
      return t('errors:invalidRequest', { detail: error.detail });
    case 'badResponse':
      return t('errors:badResponse', { status: error.status });
    case 'problem':
      switch (error.code) {
        case 'forbidden':
        case 'notFound':
        case 'rateLimited':
        case 'serviceUnavailable':
          return t(`errors:${error.code}`);
        case 'validationFailed':
          return t('errors:validationFailed', { detail: error.detail ?? '' });
        default:
          return t('errors:problem', { status: error.status, detail: error.detail ?? error.code });
      }
  }
}
