import type { Client } from '../../../../core/api/client';
import type { KioskContract } from '../../../../core/api/contract';
import type { RatingApi } from './rating-machine';

/** The rating journey's calls, over the one API client. */
export function ratingApi(client: Client<KioskContract>): RatingApi {
  return {
    completedServices: () => client.call('session.completedServices', {}),
    options: () => client.call('rating.options', {}),
    submit: (input) => client.call('rating.submit', input),
  };
}
