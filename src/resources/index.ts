/* eslint-disable @typescript-eslint/no-require-imports -- modules are required when first used, see below */
import { operationOf, type ResourceModule } from "../kit";
import { lazyProperty } from "../kit/lazy";

/**
 * Every resource module, by ServiceTitan API module (folder), required when one of its actions or data sources is
 * first read. A flow step loads the bundle and runs one action: compiling and building the other ~480 definitions
 * at every cold start cost more than the rest of our start-up together. Which key lives where is in catalog.json
 * (`npm run catalog` writes it from these modules; a test fails when it is stale).
 */
const MODULES: Record<string, () => ResourceModule[]> = {
  accounting: () => (require("./accounting") as typeof import("./accounting")).accountingResources,
  crm: () => (require("./crm") as typeof import("./crm")).crmResources,
  "customer-interactions": () =>
    (require("./customer-interactions") as typeof import("./customer-interactions")).customerInteractionsResources,
  dispatch: () => (require("./dispatch") as typeof import("./dispatch")).dispatchResources,
  equipmentsystems: () => (require("./equipmentsystems") as typeof import("./equipmentsystems")).equipmentsystemsResources,
  findings: () => (require("./findings") as typeof import("./findings")).findingsResources,
  fleetpro: () => (require("./fleetpro") as typeof import("./fleetpro")).fleetproResources,
  forms: () => (require("./forms") as typeof import("./forms")).formsResources,
  inventory: () => (require("./inventory") as typeof import("./inventory")).inventoryResources,
  jbce: () => (require("./jbce") as typeof import("./jbce")).jbceResources,
  jpm: () => (require("./jpm") as typeof import("./jpm")).jpmResources,
  marketing: () => (require("./marketing") as typeof import("./marketing")).marketingResources,
  marketingads: () => (require("./marketingads") as typeof import("./marketingads")).marketingadsResources,
  marketingreputation: () => (require("./marketingreputation") as typeof import("./marketingreputation")).marketingreputationResources,
  memberships: () => (require("./memberships") as typeof import("./memberships")).membershipsResources,
  payroll: () => (require("./payroll") as typeof import("./payroll")).payrollResources,
  pricebook: () => (require("./pricebook") as typeof import("./pricebook")).pricebookResources,
  reporting: () => (require("./reporting") as typeof import("./reporting")).reportingResources,
  sales: () => (require("./sales") as typeof import("./sales")).salesResources,
  schedulingpro: () => (require("./schedulingpro") as typeof import("./schedulingpro")).schedulingproResources,
  "service-agreements": () => (require("./service-agreements") as typeof import("./service-agreements")).serviceAgreementsResources,
  settings: () => (require("./settings") as typeof import("./settings")).settingsResources,
  taskmanagement: () => (require("./taskmanagement") as typeof import("./taskmanagement")).taskmanagementResources,
  telecom: () => (require("./telecom") as typeof import("./telecom")).telecomResources,
  timesheets: () => (require("./timesheets") as typeof import("./timesheets")).timesheetsResources,
  general: () => [
    (require("./callOperation") as typeof import("./callOperation")).callOperation,
    (require("./rawRequest") as typeof import("./rawRequest")).rawRequest,
    (require("./exports") as typeof import("./exports")).exports,
  ],
};

type Part = "actions" | "dataSources";
type Definitions<P extends Part> = NonNullable<ResourceModule[P]>;
/** One module's actions and data sources, merged, built once. */
const loaded = new Map<string, { [P in Part]: Definitions<P> }>();
const load = (module: string) => {
  let parts = loaded.get(module);
  if (!parts) {
    const resources = MODULES[module]();
    const merge = <P extends Part>(part: P) => Object.assign({}, ...resources.map((r) => r[part] ?? {})) as Definitions<P>;
    parts = { actions: merge("actions"), dataSources: merge("dataSources") };
    loaded.set(module, parts);
  }
  return parts;
};

/** The resource modules required so far (diagnostics and tests: one action read loads one module). */
export const loadedModules = (): string[] => [...loaded.keys()];

/** Key → [module folder, "VERB /path" or null] in registration order, for actions and data sources. */
export type Catalog = { [P in Part]: Record<string, [string, string | null]> };

/** The catalog as the modules say it, loading all of them; refuses a key two definitions share. */
export const catalogOf = (): Catalog => {
  const result: Catalog = { actions: {}, dataSources: {} };
  for (const module of Object.keys(MODULES)) {
    for (const part of ["actions", "dataSources"] as const) {
      for (const resource of MODULES[module]()) {
        for (const [key, definition] of Object.entries(resource[part] ?? {})) {
          if (key in result[part]) throw new Error(`Duplicate ${part} key ${key}`);
          result[part][key] = [module, operationOf(definition) ?? null];
        }
      }
    }
  }
  return result;
};

/** Required, not imported: the compiler need not type 600 entries. */
const CATALOG: Catalog = require("./catalog.json");

/** Every key of a part, each a getter that loads its module when first read. */
const lazily = <P extends Part>(part: P): Definitions<P> => {
  const target = {} as Definitions<P>;
  for (const [key, [module]] of Object.entries(CATALOG[part])) {
    lazyProperty(target, key, () => {
      const definition = load(module)[part][key];
      if (!definition) throw new Error(`${key} is not in src/resources/${module} any more: run npm run catalog`);
      return definition;
    });
  }
  return target;
};

export const actions = lazily("actions");
export const dataSources = lazily("dataSources");

const operationsOf = (part: Part): Record<string, string> =>
  Object.fromEntries(Object.entries(CATALOG[part]).flatMap(([key, [, operation]]) => (operation ? [[key, operation]] : [])));

/** Action / data source key → "VERB /path" it calls (absent for what is not one operation, such as Raw Request). */
export const actionOperations = operationsOf("actions");
export const dataSourceOperations = operationsOf("dataSources");
