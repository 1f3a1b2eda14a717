import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import {
  booleanInput,
  dateTimeInput,
  decimalInput,
  enumInput,
  enumListInput,
  idInput,
  idListInput,
  stringInput,
  stringListInput,
} from "../../inputs";
import type { ResourceModule } from "../../kit";
import { listAction } from "../../kit";

const REVIEWS: OperationKey = "GET /marketingreputation/v2/tenant/{tenant}/reviews";

/**
 * ServiceTitan's document gives these filters' values as bare numbers (0, 1, 2 …) without naming them, so the dropdowns
 * offer the numbers; a review's answer carries the same codes (reviewType, recommendationStatus …).
 */
const CODES = "ServiceTitan documents only the numeric codes, not their names";

const dateFilter = (label: string, comments: string) =>
  dateTimeInput({ label, comments: `${comments} (ISO 8601, e.g. 2025-03-01; sent as UTC).` });

/** Marketing Reputation: the online reviews ServiceTitan collects (Google, Yelp …), matched to customers, jobs and technicians. */
export const reviews: ResourceModule = {
  actions: {
    listReviews: listAction({
      label: "List Reviews",
      description:
        "Retrieve the online reviews ServiceTitan's Marketing Reputation collects (Google, Yelp, Facebook …) with their rating, text and response, and the customer, job and technician they were matched to; filtered by rating, platform, location, technician, campaign or dates",
      operation: REVIEWS,
      filters: () => ({
        search: stringInput({
          label: "Search",
          comments: "Only reviews containing this text (e.g. a customer's name or a word of the review).",
        }),
        reportType: enumInput({
          label: "Report Type",
          values: ["0", "1", "2"],
          comments: `Which report of reviews to read, by ServiceTitan's code 0, 1 or 2 (${CODES}); empty: ServiceTitan's default.`,
        }),
        sort: stringInput({
          label: "Sort",
          example: "-CreatedOn",
          comments: "The order of the reviews: +FieldName ascending, -FieldName descending (e.g. -CreatedOn).",
        }),
        createdOnOrAfter: dateFilter("Created On Or After", "Only reviews ServiceTitan recorded on or after this time"),
        createdBefore: dateFilter("Created Before", "Only reviews ServiceTitan recorded before this time"),
        modifiedOnOrAfter: dateFilter("Modified On Or After", "Only reviews changed on or after this time (e.g. a response added)"),
        modifiedBefore: dateFilter("Modified Before", "Only reviews changed before this time"),
        fromDate: dateFilter("From Date", "Only reviews published on or after this date"),
        toDate: dateFilter("To Date", "Only reviews published up to this date"),
        responseTypes: enumListInput({
          label: "Response Types",
          values: ["0", "1", "2"],
          comments: `Only reviews with these response types (whether and how the review was answered), one code per entry: 0, 1 or 2 (${CODES}).`,
        }),
        locationIds: idListInput({
          label: "Location IDs",
          dataSource: "selectLocation",
          comments: "Only reviews matched to these service locations, one id per entry.",
        }),
        sources: stringListInput({
          label: "Sources",
          example: "Google",
          comments: "Only reviews from these platforms, one per entry (a review's platform, e.g. Google, Yelp or Facebook).",
        }),
        reviewStatuses: enumListInput({
          label: "Review Statuses",
          values: ["0", "1", "2", "3", "4", "5", "6"],
          comments: `Only reviews with these statuses (how surely ServiceTitan matched the review to a customer and job), one code per entry: 0 to 6 (${CODES}).`,
        }),
        technicianIds: idListInput({
          label: "Technician IDs",
          dataSource: "selectTechnician",
          comments: "Only reviews matched to jobs of these technicians, one id per entry.",
        }),
        campaignIds: idListInput({
          label: "Campaign IDs",
          dataSource: "selectCampaign",
          comments: "Only reviews matched to these marketing campaigns, one id per entry.",
        }),
        fromRating: decimalInput({
          label: "From Rating",
          example: "4",
          comments: "Lowest star rating to include, e.g. 4 (reviews are rated 1 to 5).",
        }),
        toRating: decimalInput({
          label: "To Rating",
          example: "2",
          comments: "Highest star rating to include, e.g. 2 to find unhappy customers.",
        }),
        includeReviewsWithoutLocation: booleanInput({
          label: "Include Reviews Without Location",
          comments: "With Location IDs: True also returns reviews not matched to any location.",
        }),
        includeReviewsWithoutCampaign: booleanInput({
          label: "Include Reviews Without Campaign",
          comments: "With Campaign IDs: True also returns reviews not matched to any campaign.",
        }),
        includeReviewsWithoutTechnician: booleanInput({
          label: "Include Reviews Without Technician",
          comments: "With Technician IDs: True also returns reviews not matched to any technician.",
        }),
        internalId: idInput({
          label: "Internal ID",
          comments: "Only the review with this internal id (a review's internalId, from a previous List Reviews).",
        }),
        externalId: stringInput({
          label: "External ID",
          comments: "Only the review with this id on its platform (a review's externalId, from a previous List Reviews).",
        }),
      }),
      examplePayload: exampleOf(REVIEWS),
    }),
  },
};
