/**
 * The demo's product catalogue: what the constituency runs (its inventories name these), so an
 * advisory written on first start finds the organisations it concerns.
 */
import type { Kysely } from 'kysely';
import { createProduct } from '../advisories/catalogue.js';
import type { Schema } from '../db/schema.js';

export const DEMO_PRODUCTS = [
  {
    vendor: 'Microsoft',
    name: 'Exchange Server',
    version: '2019 CU12',
    cpe: 'cpe:2.3:a:microsoft:exchange_server:2019:cumulative_update_12:*:*:*:*:*:*',
  },
  {
    vendor: 'Microsoft',
    name: 'Exchange Server',
    version: '2019 CU14',
    cpe: 'cpe:2.3:a:microsoft:exchange_server:2019:cumulative_update_14:*:*:*:*:*:*',
  },
  {
    vendor: 'Citrix',
    name: 'NetScaler ADC',
    version: '13.1',
    cpe: 'cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1:*:*:*:*:*:*:*',
  },
  {
    vendor: 'Citrix',
    name: 'NetScaler ADC',
    version: '14.1',
    cpe: 'cpe:2.3:a:citrix:netscaler_application_delivery_controller:14.1:*:*:*:*:*:*:*',
  },
  { vendor: 'OpenJS Foundation', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
];

export async function loadDemoCatalogue(db: Kysely<Schema>): Promise<void> {
  for (const product of DEMO_PRODUCTS) await createProduct(db, 'system:demo', product);
}
