import { useEffect, useState, type FormEvent } from 'react';
import type {
  WorkOrderDetail,
  WorkOrderKpi,
  WorkOrderStatus,
  WorkOrderSummary,
} from '../../../contract/console/work-order-views';
import { RATING_LEVEL_LABELS, type RatingLevel } from '../../../contract/ratings';
import { useAction, useConsole, useLoad, useWords } from '../app/console-context';
import { LoadedView, Notice, Section, Time } from '../app/ui';
import { may } from '../view/permissions';

/**
 * 差评 work orders: the list (overdue first; overdue is a word and an icon, not only a colour),
 * one order's rating and its three steps (回访, 整改, 办结), and the KPI tiles per station for a
 * month. The rules (what may be recorded when) are the platform's; the page shows its refusals.
 */

const STATUSES: readonly WorkOrderStatus[] = ['open', 'followedUp', 'closed'];

function monthRange(month: string): { from: string; to: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function thisMonth(): string {
  // China Standard Time, as the platform counts days.
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
}

export function WorkOrdersPage() {
  const { t } = useWords();
  const [status, setStatus] = useState<WorkOrderStatus | ''>('');
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  // Each step recorded in the panel: the list and the KPI tiles load again, so a closed order
  // moves 回访率 at once rather than at the tiles' next minute.
  const [changes, setChanges] = useState(0);
  const query = {
    ...(status ? { status } : {}),
    ...(onlyOverdue ? { overdue: 'true' as const } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const { loaded, reload } = useLoad('listWorkOrders', { query }, { everyMs: 30_000 });
  return (
    <>
      <h1>{t('workOrders:title')}</h1>
      <KpiTiles changes={changes} />
      <fieldset className="filters" data-testid="work-order-filters">
        <legend>{t('workOrders:filters')}</legend>
        <label>
          {t('workOrders:status')}
          <select value={status} onChange={(event) => setStatus(event.target.value as WorkOrderStatus | '')}>
            <option value="">{t('workOrders:anyStatus')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`workOrders:state.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={onlyOverdue} onChange={(event) => setOnlyOverdue(event.target.checked)} />
          {t('workOrders:onlyOverdue')}
        </label>
        <label>
          {t('workOrders:from')}
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          {t('workOrders:to')}
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
      </fieldset>
      <LoadedView loaded={loaded}>
        {(list) => (
          <>
            {list.truncated && <p className="notice">{t('workOrders:truncated')}</p>}
            <WorkOrderTable orders={list.workOrders} onOpen={setSelected} />
          </>
        )}
      </LoadedView>
      {selected && (
        <WorkOrderPanel
          key={selected}
          workOrderNo={selected}
          onChanged={() => {
            reload();
            setChanges((n) => n + 1);
          }}
          onClose={() => setSelected(null)}
        />
      )}
    </>
  );
}

function DueCell({ order }: { order: WorkOrderSummary }) {
  const { t } = useWords();
  return (
    <>
      <span>{order.followUpBy}</span>{' '}
      {order.overdue ? (
        <strong className="tag overdue" data-testid="overdue">
          ⚠ {t('workOrders:overdue')}
        </strong>
      ) : order.late ? (
        <span className="tag late">{t('workOrders:late')}</span>
      ) : (
        order.workingDaysLeft !== null && (
          <span className="muted">{t('workOrders:daysLeft', { count: order.workingDaysLeft })}</span>
        )
      )}
    </>
  );
}

function WorkOrderTable({ orders, onOpen }: { orders: readonly WorkOrderSummary[]; onOpen: (no: string) => void }) {
  const { t } = useWords();
  if (orders.length === 0) return <p>{t('workOrders:empty')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="work-order-table">
        <thead>
          <tr>
            <th scope="col">{t('workOrders:col.no')}</th>
            <th scope="col">{t('workOrders:col.station')}</th>
            <th scope="col">{t('workOrders:col.created')}</th>
            <th scope="col">{t('workOrders:col.level')}</th>
            <th scope="col">{t('workOrders:col.matter')}</th>
            <th scope="col">{t('workOrders:col.due')}</th>
            <th scope="col">{t('workOrders:col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr
              key={order.workOrderNo}
              data-testid={`work-order-${order.workOrderNo}`}
              data-status={order.status}
              data-overdue={order.overdue}
              className={order.overdue ? 'overdue' : undefined}
            >
              <th scope="row">
                <button type="button" className="link" onClick={() => onOpen(order.workOrderNo)}>
                  {order.workOrderNo}
                </button>
              </th>
              <td>{order.stationName}</td>
              <td>
                <Time iso={order.createdAt} />
              </td>
              <td>{RATING_LEVEL_LABELS[order.level as RatingLevel]}</td>
              <td>{order.matterName ?? t('workOrders:noMatter')}</td>
              <td>
                <DueCell order={order} />
              </td>
              <td>{t(`workOrders:state.${order.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkOrderPanel({
  workOrderNo,
  onChanged,
  onClose,
}: {
  workOrderNo: string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useWords();
  const { loaded, reload } = useLoad('getWorkOrder', { pathParams: { workOrderNo } });
  const changed = () => {
    reload();
    onChanged();
  };
  return (
    <Section title={t('workOrders:detail', { no: workOrderNo })} id="work-order-detail">
      <button type="button" onClick={onClose}>
        {t('common:close')}
      </button>
      <LoadedView loaded={loaded}>{(order) => <WorkOrderSteps order={order} onChanged={changed} />}</LoadedView>
    </Section>
  );
}

function WorkOrderSteps({ order, onChanged }: { order: WorkOrderDetail; onChanged: () => void }) {
  const { t } = useWords();
  const { session } = useConsole();
  const { run, busy, message } = useAction();
  const [callbackAt, setCallbackAt] = useState(() => localNow());
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [fixText, setFixText] = useState('');
  const no = order.summary.workOrderNo;
  const mayChange = may(session.user.role, 'recordWorkOrderCallback');
  const rating = order.rating;

  const saveCallback = async (event: FormEvent) => {
    event.preventDefault();
    if (satisfied === null) return;
    const at = new Date(callbackAt).toISOString();
    const result = await run(
      'recordWorkOrderCallback',
      { pathParams: { workOrderNo: no }, body: { at, satisfied, note: note.trim() } },
      t('workOrders:saved'),
    );
    if (result.ok) onChanged();
  };
  const saveFix = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(
      'recordWorkOrderFix',
      { pathParams: { workOrderNo: no }, body: { text: fixText.trim() } },
      t('workOrders:saved'),
    );
    if (result.ok) onChanged();
  };
  const close = async () => {
    const result = await run('closeWorkOrder', { pathParams: { workOrderNo: no }, body: {} }, t('workOrders:saved'));
    if (result.ok) onChanged();
  };

  return (
    <div data-testid="work-order-steps" data-status={order.summary.status}>
      <h3>{t('workOrders:rating')}</h3>
      <dl className="facts">
        <dt>{t('workOrders:levelLabel')}</dt>
        <dd data-testid="rating-level">{rating.levelLabel}</dd>
        <dt>{t('workOrders:options')}</dt>
        <dd>{rating.options.map((option) => option.label).join('、') || t('common:none')}</dd>
        <dt>{t('workOrders:comment')}</dt>
        <dd>{rating.comment ?? t('common:none')}</dd>
        <dt>{t('workOrders:matter')}</dt>
        <dd>{rating.matter?.matterName ?? t('workOrders:noMatter')}</dd>
        <dt>{t('workOrders:service')}</dt>
        <dd>
          {rating.subject.kind} {rating.subject.ref}
        </dd>
        <dt>{t('workOrders:phone')}</dt>
        <dd data-testid="callback-phone">{rating.callbackPhone ?? t('common:none')}</dd>
        <dt>{t('workOrders:ratedAt')}</dt>
        <dd>
          <Time iso={rating.ratedAt} />
        </dd>
        <dt>{t('workOrders:col.due')}</dt>
        <dd>
          <DueCell order={order.summary} />
        </dd>
      </dl>

      <h3>{t('workOrders:steps')}</h3>
      <Notice message={message} />
      <section aria-label={t('workOrders:callback')} data-testid="step-callback">
        <h4>{t('workOrders:callback')}</h4>
        {order.callback ? (
          <p>
            {order.callback.satisfied ? t('workOrders:satisfiedYes') : t('workOrders:satisfiedNo')}：
            {order.callback.note}{' '}
            <span className="muted">
              ({order.callback.by} · <Time iso={order.callback.at} />)
            </span>
          </p>
        ) : (
          mayChange && (
            <form onSubmit={(event) => void saveCallback(event)}>
              <label>
                {t('workOrders:callbackAt')}
                <input
                  type="datetime-local"
                  value={callbackAt}
                  required
                  onChange={(event) => setCallbackAt(event.target.value)}
                />
              </label>
              <fieldset>
                <legend>{t('workOrders:satisfied')}</legend>
                <label>
                  <input
                    type="radio"
                    name="satisfied"
                    checked={satisfied === true}
                    onChange={() => setSatisfied(true)}
                  />
                  {t('workOrders:satisfiedYes')}
                </label>
                <label>
                  <input
                    type="radio"
                    name="satisfied"
                    checked={satisfied === false}
                    onChange={() => setSatisfied(false)}
                  />
                  {t('workOrders:satisfiedNo')}
                </label>
              </fieldset>
              <label>
                {t('workOrders:note')}
                <textarea value={note} required maxLength={500} onChange={(event) => setNote(event.target.value)} />
              </label>
              <button type="submit" disabled={busy || satisfied === null || note.trim() === ''}>
                {t('workOrders:recordCallback')}
              </button>
            </form>
          )
        )}
      </section>
      <section aria-label={t('workOrders:fix')} data-testid="step-fix">
        <h4>{t('workOrders:fix')}</h4>
        {order.fix ? (
          <p>
            {order.fix.text}{' '}
            <span className="muted">
              ({order.fix.by} · <Time iso={order.fix.at} />)
            </span>
          </p>
        ) : (
          mayChange &&
          order.closing === null && (
            <form onSubmit={(event) => void saveFix(event)}>
              <label>
                {t('workOrders:fixText')}
                <textarea
                  value={fixText}
                  required
                  maxLength={1000}
                  onChange={(event) => setFixText(event.target.value)}
                />
              </label>
              <button type="submit" disabled={busy || fixText.trim() === ''}>
                {t('workOrders:recordFix')}
              </button>
            </form>
          )
        )}
      </section>
      <section aria-label={t('workOrders:close')} data-testid="step-close">
        <h4>{t('workOrders:close')}</h4>
        {order.closing ? (
          <p>
            {t(`workOrders:closedAs.${order.closing.closedAs}`)}{' '}
            <span className="muted">
              ({order.closing.by} · <Time iso={order.closing.at} />)
            </span>
          </p>
        ) : (
          mayChange && (
            <>
              <p className="muted">{t('workOrders:closeHint')}</p>
              <button type="button" disabled={busy || order.callback === null} onClick={() => void close()}>
                {t('workOrders:closeNow')}
              </button>
            </>
          )
        )}
      </section>
    </div>
  );
}

/** `YYYY-MM-DDTHH:MM` of now in the browser's zone, for a datetime-local input. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function rate(value: number | null, t: (key: string) => string): string {
  return value === null ? t('workOrders:noRate') : `${Math.round(value * 1000) / 10}%`;
}

function KpiTiles({ changes }: { changes: number }) {
  const { t } = useWords();
  const [month, setMonth] = useState(thisMonth);
  const { loaded, reload } = useLoad('getWorkOrderKpis', { query: monthRange(month) }, { everyMs: 60_000 });
  useEffect(() => {
    if (changes > 0) reload();
  }, [changes, reload]);
  return (
    <Section title={t('workOrders:kpis')} id="work-order-kpis">
      <label>
        {t('workOrders:month')}
        <input type="month" value={month} onChange={(event) => event.target.value && setMonth(event.target.value)} />
      </label>
      <LoadedView loaded={loaded}>
        {(kpis) => (
          <div className="tiles">
            <KpiTile name={t('workOrders:total')} kpi={kpis.total} testId="kpi-total" />
            {kpis.townships.length > 1 &&
              kpis.townships.map((row) => (
                <KpiTile key={row.townshipCode} name={row.name} kpi={row.kpi} testId={`kpi-${row.townshipCode}`} />
              ))}
            {kpis.stations.map((row) => (
              <KpiTile key={row.stationId} name={row.name} kpi={row.kpi} testId={`kpi-${row.stationId}`} />
            ))}
          </div>
        )}
      </LoadedView>
    </Section>
  );
}

function KpiTile({ name, kpi, testId }: { name: string; kpi: WorkOrderKpi; testId: string }) {
  const { t } = useWords();
  return (
    <figure className="tile" data-testid={testId}>
      <figcaption>{name}</figcaption>
      <dl>
        <dt>{t('workOrders:callbackRate')}</dt>
        <dd data-testid={`${testId}-callback-rate`}>{rate(kpi.callbackRate, t)}</dd>
        <dt>{t('workOrders:rectificationRate')}</dt>
        <dd data-testid={`${testId}-rectification-rate`}>{rate(kpi.rectificationRate, t)}</dd>
        <dt>{t('workOrders:overdueCount')}</dt>
        <dd data-testid={`${testId}-overdue`}>{kpi.overdue}</dd>
        <dt>{t('workOrders:created')}</dt>
        <dd data-testid={`${testId}-created`}>{kpi.created}</dd>
        <dt>{t('workOrders:calledBack')}</dt>
        <dd data-testid={`${testId}-called-back`}>{kpi.calledBack}</dd>
        <dt>{t('workOrders:closed')}</dt>
        <dd data-testid={`${testId}-closed`}>{kpi.closed}</dd>
      </dl>
    </figure>
  );
}
