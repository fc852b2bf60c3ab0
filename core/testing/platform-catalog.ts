import type { Catalog } from '../../platform/contract/catalog';
import { fakePlatform, json, type Route } from './fake-platform';

/**
 * The platform's two catalog endpoints as routes for the kit's fake platform: the version probe
 * and the catalog with its ETag (304 when the kiosk already holds that version). A request
 * without the station's token is refused 401, as the platform does; `state.garbage` makes the
 * catalog fail the contract's schema.
 */
export function catalogRoutes(options: { catalog: Catalog; token: string }) {
  const state = { catalog: options.catalog, garbage: false };
  const authorised = (headers: Headers) => headers.get('authorization') === `Bearer ${options.token}`;
  const version: Route = ({ headers }) => {
    if (!authorised(headers)) return json(401, {});
    const { version, publishedAt } = state.catalog;
    return json(200, { version, publishedAt, matterCount: state.catalog.matters.length });
  };
  const catalog: Route = ({ headers }) => {
    if (!authorised(headers)) return json(401, {});
    if (headers.get('if-none-match') === `"${state.catalog.version}"`) return new Response(null, { status: 304 });
    return json(200, state.garbage ? { ...state.catalog, matters: [{ code: 'bad' }] } : state.catalog);
  };
  const routes: Array<[string, Route]> = [
    ['GET /catalog/version', version],
    ['GET /catalog', catalog],
  ];
  return { routes, state };
}

/** The kit's fake platform serving catalogRoutes(). */
export function catalogPlatform(options: { catalog: Catalog; token: string }) {
  const { routes, state } = catalogRoutes(options);
  return Object.assign(fakePlatform({ routes }), { state });
}
