import { describe, expect, it } from 'vitest';
import { Catalog } from '../contract/catalog';
import { MatterForm } from '../contract/forms';
import { MATTER_CLASSIFICATION } from './classification';
import { SEED_FORMS } from './forms';
import { SEED_GUIDES } from './guides';
import { ANQIU_VILLAGE_MATTERS_CSV } from './anqiu-village-matters';
import { buildSeedCatalog, loadSeedCatalog } from './index';
import { SEED_LIFE_EVENTS } from './life-events';
import { parseMatterList } from './matter-list';

const catalog = loadSeedCatalog();
const listed = parseMatterList(ANQIU_VILLAGE_MATTERS_CSV);
const byCode = new Map(catalog.matters.map((matter) => [matter.code, matter]));

describe('the seed forms', () => {
  it('gives every self-service matter a valid form, and no other matter one', () => {
    const selfService = catalog.matters.filter((matter) => matter.channels.includes('selfService'));
    expect(selfService.map((matter) => matter.seq)).toEqual([
      2, 4, 5, 6, 7, 8, 9, 11, 13, 14, 24, 25, 35, 47, 54, 55, 62,
    ]);
    for (const matter of selfService) {
      expect(MatterForm.safeParse(matter.form).success, matter.name).toBe(true);
      expect(matter.form?.length, matter.name).toBeGreaterThan(2);
    }
    expect(catalog.matters.filter((matter) => matter.form && !matter.channels.includes('selfService'))).toEqual([]);
  });

  it('pre-fills the name from the ID card and remembers the phone, on every form', () => {
    for (const { matterName, form } of SEED_FORMS) {
      expect(form.find((field) => field.name === 'applicantName')?.prefillFrom, matterName).toBe('applicantName');
      const phone = form.find((field) => field.name === 'phone');
      expect(phone && { kind: phone.kind, rememberable: phone.rememberable }, matterName).toEqual({
        kind: 'phone',
        rememberable: true,
      });
    }
  });

  it('asks the 参保档次 of the pension enrolment as a choice', () => {
    const level = byCode.get('370784-CJ-002')?.form?.find((field) => field.label === '参保档次');
    expect(level?.kind).toBe('select');
    expect(level?.options?.map((option) => option.label)).toContain('500元/年');
  });

  it('refuses a form filed under the wrong matter, or on a matter not offered for self-service', () => {
    const misfiled = SEED_FORMS.map((seedForm) => (seedForm.seq === 2 ? { ...seedForm, seq: 3 } : seedForm));
    expect(() => buildSeedCatalog(listed, MATTER_CLASSIFICATION, SEED_GUIDES, misfiled)).toThrow(
      /form for seq 3 is for 城乡居民基本养老保险参保登记/,
    );
    const onGuideOnly = [...SEED_FORMS, { seq: 37, matterName: '党费缴纳', form: SEED_FORMS[0]!.form }];
    expect(() => buildSeedCatalog(listed, MATTER_CLASSIFICATION, SEED_GUIDES, onGuideOnly)).toThrow(
      /has a form but is not offered for self-service/,
    );
  });

  it('is refused by the contract when a self-service matter has no form', () => {
    const withoutForm = {
      ...catalog,
      matters: catalog.matters.map((matter) => (matter.seq === 13 ? { ...matter, form: [] } : matter)),
    };
    const parsed = Catalog.safeParse(withoutForm);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['matters.12.form']);
  });
});

describe('the seed life events', () => {
  it('bundles at least two existing matters each, under unique ids', () => {
    expect(catalog.lifeEvents.length).toBeGreaterThanOrEqual(3);
    expect(new Set(catalog.lifeEvents.map((event) => event.id)).size).toBe(catalog.lifeEvents.length);
    for (const event of catalog.lifeEvents) {
      expect(event.matterCodes.length, event.name).toBeGreaterThanOrEqual(2);
      for (const code of event.matterCodes) expect(byCode.has(code), `${event.name} ${code}`).toBe(true);
    }
  });

  it('has a bundle the kiosk can submit whole and one that needs the window for part of it', () => {
    const selfServiceOnly = (codes: readonly string[]) =>
      codes.every((code) => byCode.get(code)?.channels.includes('selfService'));
    const elderly = catalog.lifeEvents.find((event) => event.id === 'elderlyCare');
    expect(elderly?.name).toBe('老年人优待一件事');
    expect(selfServiceOnly(elderly?.matterCodes ?? [])).toBe(false);
    expect(catalog.lifeEvents.some((event) => selfServiceOnly(event.matterCodes))).toBe(true);
  });

  it('refuses a bundle with a matter that is not on the list', () => {
    const unknown = [...SEED_LIFE_EVENTS, { id: 'ghost', name: '不存在', description: '测试', seqs: [2, 99] }];
    expect(() => buildSeedCatalog(listed, MATTER_CLASSIFICATION, SEED_GUIDES, SEED_FORMS, unknown)).toThrow(
      /life event matter for seq 99/,
    );
  });

  it('is refused by the contract when a bundle names an unknown matter', () => {
    const parsed = Catalog.safeParse({
      ...catalog,
      lifeEvents: [{ id: 'ghost', name: '不存在', description: '测试', matterCodes: ['370784-CJ-002', 'NOPE-000001'] }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('unknown matter NOPE-000001');
  });

  it('parses a catalog published before forms and life events existed', () => {
    const { lifeEvents: _lifeEvents, ...old } = catalog;
    const older = {
      ...old,
      matters: catalog.matters.map(({ form: _form, ...matter }) => ({
        ...matter,
        channels: matter.channels.includes('selfService') ? ['assistRequest'] : matter.channels,
      })),
    };
    const parsed = Catalog.safeParse(older);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.lifeEvents).toEqual([]);
  });
});
