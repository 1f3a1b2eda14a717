import type { OperationKey } from "../../client";
import { listPages } from "../../client/paging";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/jpm";
import { booleanInput, idInput, rulesJsonInput, specFields } from "../../inputs";
import type { InputTweak, ResourceModule } from "../../kit";
import {
  derivedAction,
  dropdown,
  inBody,
  inPath,
  listAction,
  namedPicklist,
  PICKLIST_LIMIT,
  PICKLIST_CONCURRENCY,
  responsePicklist,
  pathParams,
  type Option,
} from "../../kit";

type Schemas = components["schemas"];
type Segment = Schemas["Jpm.BudgetCodes.SegmentModel"];
type SegmentItem = Schemas["Jpm.BudgetCodes.SegmentItemModel"];

const WBS = "/jpm/v2/tenant/{tenant}/work-breakdown-structure";
const PROJECT = `${WBS}/projects/{projectId}`;
const CUSTOM_FIELDS: OperationKey = "GET /jpm/v2/tenant/{tenant}/projects/custom-fields";
const SEGMENTS: OperationKey = `GET ${WBS}/segments`;
const SEGMENT_ITEMS: OperationKey = `GET ${WBS}/segments/{segmentId}/items`;
const ITEM_CHILDREN: OperationKey = `GET ${WBS}/segments/{segmentId}/items/{segmentItemId}/children`;
const PROJECT_SEGMENTS: OperationKey = `GET ${PROJECT}/segments`;
const PROJECT_SEGMENT_ITEMS: OperationKey = `GET ${PROJECT}/segments/{segmentId}/items`;
const PROJECT_ITEM_CHILDREN: OperationKey = `GET ${PROJECT}/segments/{segmentId}/items/{segmentItemId}/children`;
const PROJECT_BUDGET_CODES: OperationKey = `GET ${PROJECT}/budget-codes`;

/** The project whose work breakdown an action reads (the path's {projectId}). */
const projectTweak: InputTweak = {
  comments: "The project whose work breakdown structure to read: pick one or map its id from List Projects.",
};
const segmentTweak = (what: string): InputTweak => ({
  comments: `The segment ${what}: pick one (Select Segment) or map its id from List Budget Segments.`,
});
const parentItemTweak: InputTweak = {
  label: "Parent Segment Item ID",
  comments:
    "The item whose sub-items to list (a hierarchical segment such as Cost Code: 01 → 01-100): pick one of the segment's items or map its id from List Budget Segment Items.",
};

const includeChildren = () =>
  booleanInput({
    label: "Include Children",
    comments:
      "True also returns the sub-items below each item of a hierarchical segment (their parentId and path say where they sit); empty: only the top level.",
  });

const matchTweaks: Record<string, InputTweak> = {
  codes: {
    label: "Budget Codes",
    example: "01-100.L",
    comments:
      "The budget code texts to look up, one per entry (as written on estimates, purchase orders or a spreadsheet, e.g. 01-100.L). Each comes back with whether it is valid and the budget codes it matches.",
  },
};

/** "Cost Code · hierarchical · required": a segment's name, structure and whether a budget code needs it. */
const segmentLabel = (segment: Segment) =>
  [
    segment.name?.trim() || "Segment",
    segment.structure === "Hierarchal" ? "hierarchical" : segment.structure === "Flat" ? "flat" : undefined,
    segment.isRequired ? "required" : undefined,
  ]
    .filter(Boolean)
    .join(" · ") + ` (ID: ${segment.id})`;

/** "01-100 – Site preparation (ID: 5)", prefixed with its segment's name when items of every segment are listed. */
const itemLabel = (item: SegmentItem, segment?: string) => {
  const text = [item.code?.trim(), item.description?.trim()].filter(Boolean).join(" – ") || "Item";
  return `${segment ? `${segment}: ` : ""}${text} (ID: ${item.id})`;
};

/**
 * The work breakdown structure (construction job costing): its segments (e.g. Cost Code, Cost Type), their items, the
 * budget codes combining one item per segment that estimates, jobs and purchases are costed to, and project custom fields.
 */
export const workBreakdown: ResourceModule = {
  actions: {
    listProjectCustomFieldTypes: listAction({
      label: "List Project Custom Field Types",
      description: "Retrieve the custom fields defined for projects (their ids, names and types), e.g. to fill a project's Custom Fields",
      operation: CUSTOM_FIELDS,
      examplePayload: exampleOf(CUSTOM_FIELDS),
    }),
    listBudgetSegments: derivedAction({
      label: "List Budget Segments",
      description:
        "Retrieve the segments of the company's work breakdown structure (e.g. Cost Code, Cost Type): the parts every budget code is built from, with whether each is required",
      operation: SEGMENTS,
    }),
    listBudgetSegmentItems: listAction({
      label: "List Budget Segment Items",
      description: "Retrieve the items (values) of a work breakdown segment, e.g. the cost codes of the Cost Code segment",
      operation: SEGMENT_ITEMS,
      path: () => pathParams(SEGMENT_ITEMS, { segmentId: segmentTweak("to list") }),
      filters: { includeChildren: includeChildren() },
      subject: (v) => `Segment ${v.segmentId}`,
      examplePayload: exampleOf(SEGMENT_ITEMS),
    }),
    listBudgetSegmentItemChildren: listAction({
      label: "List Budget Segment Item Children",
      description: "Retrieve the sub-items of an item of a hierarchical work breakdown segment (e.g. the cost codes under 01)",
      operation: ITEM_CHILDREN,
      path: () => pathParams(ITEM_CHILDREN, { segmentId: segmentTweak("the item belongs to"), segmentItemId: parentItemTweak }),
      filters: { includeChildren: includeChildren() },
      subject: (v) => `Segment item ${v.segmentItemId} of segment ${v.segmentId}`,
      examplePayload: exampleOf(ITEM_CHILDREN),
    }),
    listProjectBudgetSegments: derivedAction({
      label: "List Project Budget Segments",
      description: "Retrieve the work breakdown segments a project's budget codes are built from",
      operation: PROJECT_SEGMENTS,
      inputs: { projectId: projectTweak },
    }),
    listProjectBudgetSegmentItems: listAction({
      label: "List Project Budget Segment Items",
      description: "Retrieve the items of a work breakdown segment available on a project",
      operation: PROJECT_SEGMENT_ITEMS,
      path: () => pathParams(PROJECT_SEGMENT_ITEMS, { projectId: projectTweak, segmentId: segmentTweak("to list") }),
      filters: { includeChildren: includeChildren() },
      subject: (v) => `Segment ${v.segmentId} of project ${v.projectId}`,
      examplePayload: exampleOf(PROJECT_SEGMENT_ITEMS),
    }),
    listProjectBudgetSegmentItemChildren: listAction({
      label: "List Project Budget Segment Item Children",
      description: "Retrieve the sub-items of an item of a hierarchical work breakdown segment, as available on a project",
      operation: PROJECT_ITEM_CHILDREN,
      path: () =>
        pathParams(PROJECT_ITEM_CHILDREN, {
          projectId: projectTweak,
          segmentId: segmentTweak("the item belongs to"),
          segmentItemId: parentItemTweak,
        }),
      filters: { includeChildren: includeChildren() },
      subject: (v) => `Segment item ${v.segmentItemId} of project ${v.projectId}`,
      examplePayload: exampleOf(PROJECT_ITEM_CHILDREN),
    }),
    listProjectBudgetCodes: listAction({
      label: "List Project Budget Codes",
      description:
        "Retrieve the budget codes a project's estimates, jobs and purchases can be costed to, filtered by code, segment or segment item",
      operation: PROJECT_BUDGET_CODES,
      path: () => pathParams(PROJECT_BUDGET_CODES, { projectId: projectTweak }),
      subject: (v) => `Project ${v.projectId}`,
      examplePayload: exampleOf(PROJECT_BUDGET_CODES),
    }),
    matchBudgetCodes: derivedAction({
      label: "Match Budget Codes",
      description:
        "Check budget code texts (e.g. from an import) against the company's work breakdown structure: whether each is valid and which budget codes it matches",
      operation: `GET ${WBS}/budget-codes/match`,
      inputs: matchTweaks,
    }),
    matchProjectBudgetCodes: derivedAction({
      label: "Match Project Budget Codes",
      description:
        "Check budget code texts against a project's budget codes: whether each is valid there and which budget codes it matches",
      operation: `GET ${PROJECT}/budget-codes/match`,
      inputs: { projectId: projectTweak, ...matchTweaks },
    }),
    createBudgetCode: derivedAction({
      label: "Create Budget Code",
      description:
        "Create a budget code from one item of each segment of the work breakdown structure (e.g. cost code 01-100 and cost type Labor); answers the budget code with its code text",
      operation: `POST ${WBS}/budget-codes`,
      inputs: {
        segmentItemIds: {
          comments:
            "One item of each active segment, one id per entry (e.g. the cost code 01-100 and the cost type L): pick them from Select Segment Item or map their ids from List Budget Segment Items. For a code that leaves segments open use Create Partial Budget Code.",
        },
      },
    }),
    createPartialBudgetCode: derivedAction({
      label: "Create Partial Budget Code",
      description:
        "Create a budget code that names an item for some segments only and leaves the others open (e.g. a cost code with any cost type)",
      operation: `POST ${WBS}/budget-codes/partial`,
      inputs: {
        segments: inBody(
          rulesJsonInput(
            {
              label: "Segments",
              shape: "array",
              required: true,
              comments:
                'The segments of the code as a JSON array of {"segmentId", "segmentItemId"}: segmentId from Select Segment or List Budget Segments; segmentItemId from Select Segment Item (leave it out or null to keep that segment open).',
              example: JSON.stringify(
                [
                  { segmentId: 1, segmentItemId: 5 },
                  { segmentId: 2, segmentItemId: null },
                ],
                null,
                2,
              ),
            },
            {
              fields: specFields<Schemas["Jpm.V2.BudgetCodeSegmentBindingArgs"]>()("segmentId", "segmentItemId"),
              required: ["segmentId"],
              integers: ["segmentId", "segmentItemId"],
            },
          ),
        ),
      },
    }),
  },
  dataSources: {
    selectProjectCustomFieldType: namedPicklist<Schemas["Jpm.V2.CustomFieldTypeResponse"]>({
      label: "Select Project Custom Field Type",
      description: "Select a project custom field from a dropdown menu (up to 10,000 fields)",
      operation: CUSTOM_FIELDS,
      example: [{ key: "1", label: "Permit number (ID: 1)" }],
    }),
    selectSegment: responsePicklist<Schemas["Jpm.BudgetCodes.ListSegmentsResponse"]>({
      label: "Select Segment",
      description: "Select an active segment of the work breakdown structure (e.g. Cost Code, Cost Type) from a dropdown menu",
      operation: SEGMENTS,
      options: (response) =>
        (response.data ?? [])
          .filter((segment) => segment.isActive)
          .map((segment) => ({ key: String(segment.id), label: segmentLabel(segment) })),
      order: "api",
      example: [{ key: "1", label: "Cost Code · hierarchical · required (ID: 1)" }],
    }),
    selectSegmentItem: dropdown(
      {
        label: "Select Segment Item",
        description:
          "Select an active item of a work breakdown segment (sub-items included) from a dropdown menu; without a segment, the items of every segment",
        operation: SEGMENT_ITEMS,
        params: {
          segmentId: inPath(
            idInput({
              label: "Segment ID",
              dataSource: "selectSegment",
              comments:
                "Only the items of this segment (e.g. Cost Code); empty: the items of every active segment, each named after its segment.",
            }),
          ),
        },
        order: "api",
        example: [{ key: "5", label: "Cost Code: 01-100 – Site preparation (ID: 5)" }],
      },
      async function* (client, placed) {
        const chosen = placed.path?.segmentId;
        const segments: Array<{ id: number; name?: string }> =
          chosen !== undefined
            ? [{ id: Number(chosen) }]
            : ((await client.request<{ data?: Segment[] }>(SEGMENTS)).data ?? []).filter((segment) => segment.isActive);
        let count = 0;
        for (const segment of segments) {
          for await (const page of listPages<SegmentItem>(
            client,
            SEGMENT_ITEMS,
            { path: { segmentId: segment.id }, query: { includeChildren: true } },
            { maxRecords: PICKLIST_LIMIT - count, concurrency: PICKLIST_CONCURRENCY, eagerSecondPage: true },
          )) {
            for (const item of page) {
              if (item.isActive === false) continue;
              count += 1;
              yield { key: String(item.id), label: itemLabel(item, segment.name?.trim()) } as Option;
            }
          }
          if (count >= PICKLIST_LIMIT) break;
        }
      },
    ),
  },
};
