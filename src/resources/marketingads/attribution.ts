import { exampleOf } from "../../examples";
import { dateTimeInput, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, type Params, type Values } from "../../kit";
import type { OperationKey } from "../../client";

const ADS = "/marketingads/v2/tenant/{tenant}";

/** The web session a lead came from, one input per field of WebSessionData (placed at webSessionData.<field>). */
const SESSION_FIELDS: Array<[field: string, label: string, comments: string, example?: string]> = [
  [
    "landingPageUrl",
    "Landing Page URL",
    "The URL of the page the visitor first landed on (with its query string).",
    "https://example.com/ac-repair?gclid=abc",
  ],
  [
    "referrerUrl",
    "Referrer URL",
    "The URL of the page that referred the visitor (empty: a direct visit, sent as an empty string).",
    "https://www.google.com/",
  ],
  ["gclid", "GCLID", "Google Click Identifier (the gclid URL parameter)."],
  ["gbraid", "GBRAID", "Google web-to-app click identifier (gbraid)."],
  ["wbraid", "WBRAID", "Google app-to-web click identifier (wbraid)."],
  ["fbclid", "FBCLID", "Facebook Click Identifier (fbclid)."],
  ["msclkid", "MSCLKID", "Microsoft Click ID (msclkid)."],
  ["utmSource", "UTM Source", "The utm_source parameter, e.g. google."],
  ["utmMedium", "UTM Medium", "The utm_medium parameter, e.g. cpc."],
  ["utmCampaign", "UTM Campaign", "The utm_campaign parameter."],
  ["utmAdgroup", "UTM Ad Group", "The utm_adgroup parameter."],
  ["utmTerm", "UTM Term", "The utm_term parameter (the keyword)."],
  ["utmContent", "UTM Content", "The utm_content parameter."],
  ["googleAnalyticsClientId", "Google Analytics Client", "The visitor's Google Analytics client id (from the _ga cookie)."],
];

const sessionParams = (): Params =>
  Object.fromEntries(
    SESSION_FIELDS.map(([field, label, comments, example]) => [
      field,
      inBody(stringInput({ label, comments, example, required: field === "landingPageUrl" }), `webSessionData.${field}`),
    ]),
  );

/** The external call, one input per field of ExternalCallData. */
const externalCallParams: Params = {
  customerPhoneNumber: inBody(
    stringInput({ label: "Customer Phone Number", required: true, example: "6195550134", comments: "The caller's phone number." }),
    "externalCallData.customerPhoneNumber",
  ),
  forwardingPhoneNumber: inBody(
    stringInput({
      label: "Forwarding Phone Number",
      required: true,
      example: "8585550100",
      comments: "The ServiceTitan phone number the call-tracking service forwards the call to.",
    }),
    "externalCallData.forwardingPhoneNumber",
  ),
  trackingPhoneNumber: inBody(
    stringInput({
      label: "Tracking Phone Number",
      required: true,
      example: "8585550199",
      comments: "The tracking number the call-tracking service showed the customer.",
    }),
    "externalCallData.trackingPhoneNumber",
  ),
  callStartedOnUtc: inBody(
    dateTimeInput({ label: "Call Started On (UTC)", required: true, comments: "When the call started (ISO 8601; sent as UTC)." }),
    "externalCallData.callStartedOnUtc",
  ),
};

/** The referrer is required by the API but empty for a direct visit: sent as "" then. */
const withReferrer = (_values: Values, body?: Values) => {
  const session = (body?.webSessionData ?? {}) as Values;
  return { ...body, webSessionData: { ...session, referrerUrl: session.referrerUrl ?? "" } };
};

const attribution = (
  label: string,
  description: string,
  operation: OperationKey,
  inputs = {},
  more: { omit?: string[]; extra?: Params } = {},
) =>
  derivedAction({
    label,
    description,
    operation,
    omit: ["webSessionData", ...(more.omit ?? [])],
    inputs,
    extra: { ...more.extra, ...sessionParams() },
    body: withReferrer,
    examplePayload: { data: {} },
  });

/** Marketing Ads: attributing leads to the web sessions (ads, UTM tags) they came from, and the results. */
export const adsAttribution: ResourceModule = {
  actions: {
    listAttributedLeads: listAction({
      label: "List Attributed Leads",
      description:
        "Retrieve the leads (calls, web bookings, web lead forms, manual jobs) attributed to marketing in a time range, with their attribution",
      operation: `GET ${ADS}/attributed-leads`,
      filters: {
        fromUtc: dateTimeInput({ label: "From (UTC)", required: true, comments: "Start of the time range (ISO 8601; sent as UTC)." }),
        toUtc: dateTimeInput({ label: "To (UTC)", required: true, comments: "End of the time range (ISO 8601; sent as UTC)." }),
      },
      examplePayload: exampleOf(`GET ${ADS}/attributed-leads`),
    }),
    listAdsPerformance: listAction({
      label: "List Ads Performance",
      description: "Retrieve ad performance (digital and lead statistics, revenue, ROI) per campaign, ad group or keyword in a time range",
      operation: `GET ${ADS}/performance`,
      filters: {
        fromUtc: dateTimeInput({ label: "From (UTC)", required: true, comments: "Start of the time range (ISO 8601; sent as UTC)." }),
        toUtc: dateTimeInput({ label: "To (UTC)", required: true, comments: "End of the time range (ISO 8601; sent as UTC)." }),
      },
      examplePayload: exampleOf(`GET ${ADS}/performance`),
    }),
    getCapacityWarnings: derivedAction({
      label: "Get Capacity Warnings",
      description: "Retrieve the capacity awareness warnings (campaigns whose business units are running out of capacity)",
      operation: `GET ${ADS}/capacity-warnings`,
    }),
    createExternalCallAttribution: attribution(
      "Create External Call Attribution",
      "Attribute a call tracked by external call-tracking software to the web session it came from",
      `POST ${ADS}/external-call-attributions`,
      {},
      { omit: ["externalCallData"], extra: externalCallParams },
    ),
    createJobAttribution: attribution(
      "Create Job Attribution",
      "Attribute a scheduled job to the web session it came from",
      `POST ${ADS}/job-attributions`,
      { jobId: { comments: "The job booked from this web session." } },
    ),
    createWebBookingAttribution: attribution(
      "Create Web Booking Attribution",
      "Attribute a web booking to the web session it came from",
      `POST ${ADS}/web-booking-attributions`,
      { bookingId: { comments: "The booking made in this web session." } },
    ),
    createWebLeadFormAttribution: attribution(
      "Create Web Lead Form Attribution",
      "Attribute a lead from a web form (e.g. Submit Lead Form) to the web session it came from",
      `POST ${ADS}/web-lead-form-attributions`,
      { leadId: { comments: "The lead the web form created (the leadId Submit Lead Form answers)." } },
    ),
  },
};
