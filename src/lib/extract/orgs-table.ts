/**
 * Builds the `orgs` table from the org each report resolved to: one row per org_id, whatever the
 * reports called it. The extractor decides identity (org_id); here we only gather the spellings.
 */
import type { OrgRef } from './types';
import type { Row } from '../schema/tables';

interface OrgAcc {
	row: Row<'orgs'>;
	names: Set<string>;
}

export class OrgsTable {
	private orgs = new Map<string, OrgAcc>();

	add(org: OrgRef): void {
		let acc = this.orgs.get(org.org_id);
		if (!acc) {
			acc = {
				row: {
					org_id: org.org_id,
					org_name: org.org_name,
					aliases: null,
					province: org.province,
					prefecture: org.prefecture,
					county: org.county,
					admin_level: org.admin_level
				},
				names: new Set([org.org_name])
			};
			this.orgs.set(org.org_id, acc);
		}
		// A later report may know the region an earlier one did not state; never overwrite a value.
		const r = acc.row;
		r.province ??= org.province;
		r.prefecture ??= org.prefecture;
		r.county ??= org.county;
		r.admin_level ??= org.admin_level;
		acc.names.add(org.org_name);
		if (org.alias.trim() !== '') acc.names.add(org.alias.trim());
	}

	/** Rows in first-seen order; aliases = canonical name first, then every other spelling. */
	rows(): Row<'orgs'>[] {
		return [...this.orgs.values()].map(({ row, names }) => ({ ...row, aliases: [...names].join('；') }));
	}

	get size(): number {
		return this.orgs.size;
	}
}
