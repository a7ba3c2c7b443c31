// What "Xuất dữ liệu" offers: the indicators and their years for a structure (indicators.list) and
// the provinces the account may pick (units.children, held to the account's scope when it has one).
import type { StructureId } from './data-api.ts';
import { trpc } from '../../lib/trpc.ts';
import { provincesOf, type ProvinceOption } from '../admin/provinces.ts';

export type IndicatorOption = Awaited<ReturnType<typeof trpc.indicators.list.query>>[number];
type Scope = { structure: StructureId; code: string }[] | null;

export class ExportOptions {
  indicators = $state<IndicatorOption[]>([]);
  provinces = $state<ProvinceOption[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  #request = 0;

  async load(structure: StructureId, scope: Scope): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const [indicators, provinces] = await Promise.all([trpc.indicators.list.query({ structure }), provincesOf(structure)]);
      if (request !== this.#request) return;
      this.indicators = indicators;
      // A scoped planner picks among their own provinces; the server holds rows to the scope anyway.
      const own = scope?.filter((p) => p.structure === structure).map((p) => p.code);
      this.provinces = own && own.length > 0 ? provinces.filter((p) => own.includes(p.code)) : provinces;
    } catch (error) {
      if (request === this.#request) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
