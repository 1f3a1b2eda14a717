/**
 * /marketingreputation/v2: the online reviews Marketing Reputation collects are a seeded collection, each matched to a
 * completed job of the demo tenant (its customer, location, technician, campaign). The list filters by text, rating,
 * platform, publish date, the matched location / technician / campaign (with the "include reviews without …"
 * switches), the numeric response type and status codes, and the review's ids.
 */
import { schemaCollection } from "../generic";
import type { SandboxRecord, Store } from "../store";
import { list, type HandlerContext, type SandboxModule } from "./kit";

const REVIEWS = "reviews";
/** The user who verified a match by hand (verifiedByUserId). */
const VERIFIER = 7002;

const SEED = [
  {
    platform: "Google",
    rating: 5,
    review: "Marcus showed up on time, explained what was wrong with our AC and had it running again within the hour. Highly recommend!",
    reviewResponse: "Thank you! We're glad Marcus got you cool again.",
    days: 1,
  },
  {
    platform: "Yelp",
    rating: 4,
    review: "Good work on the furnace tune-up. Scheduling took a couple of calls, but the technician was great.",
    reviewResponse: null,
    days: 2,
  },
  {
    platform: "Google",
    rating: 2,
    review: "Technician was polite but the arrival window was four hours and nobody called when he was running late.",
    reviewResponse: "We're sorry about the wait. Our service manager will reach out to make it right.",
    days: 3,
  },
  {
    platform: "Facebook",
    rating: 5,
    review: "Water heater replaced the same day. Clean install and they hauled the old one away.",
    reviewResponse: null,
    days: 1,
  },
  {
    platform: "Google",
    rating: 3,
    review: "Fixed the problem, but the price was higher than the estimate I got on the phone.",
    reviewResponse: null,
    days: 5,
  },
  {
    platform: "Yelp",
    rating: 1,
    review: "Had to call back twice for the same leak.",
    reviewResponse: null,
    days: 2,
    unmatched: true,
  },
];

const text = (value: unknown) => String(value ?? "").toLowerCase();
const ids = (value: unknown) => new Set((Array.isArray(value) ? value : [value]).map(Number));

/**
 * An id filter with its "include reviews without …" switch: with ids, a review matched to one of them passes, and one
 * matched to nothing passes too when the switch is on.
 */
const matchedTo = (field: string, wanted: unknown, withoutToo: unknown) => {
  if (wanted === undefined) return () => true;
  const set = ids(wanted);
  return (r: SandboxRecord) => (r[field] == null ? withoutToo === true : set.has(r[field]));
};

const reviewScope = (ctx: HandlerContext) => {
  const q = ctx.query;
  const tests = [
    matchedTo("locationId", q.locationIds, q.includeReviewsWithoutLocation),
    matchedTo("technicianId", q.technicianIds, q.includeReviewsWithoutTechnician),
    matchedTo("campaignId", q.campaignIds, q.includeReviewsWithoutCampaign),
  ];
  if (q.search) {
    const needle = text(q.search);
    tests.push((r) => [r.review, r.authorName, r.customerName, r.reviewResponse].some((field) => text(field).includes(needle)));
  }
  if (q.sources !== undefined) {
    const platforms = new Set((Array.isArray(q.sources) ? q.sources : [q.sources]).map(text));
    tests.push((r) => platforms.has(text(r.platform)));
  }
  if (q.fromRating !== undefined) tests.push((r) => r.rating != null && r.rating >= Number(q.fromRating));
  if (q.toRating !== undefined) tests.push((r) => r.rating != null && r.rating <= Number(q.toRating));
  if (q.fromDate !== undefined) tests.push((r) => Date.parse(r.publishDate) >= Date.parse(q.fromDate));
  if (q.toDate !== undefined) tests.push((r) => Date.parse(r.publishDate) <= Date.parse(q.toDate));
  return (r: SandboxRecord) => tests.every((test) => test(r));
};

/** Reviews of the first completed jobs, published a few days after each job was completed. */
function seedReviews(store: Store) {
  const jobs = store.all("jobs").filter((j) => j.jobStatus === "Completed");
  const campaigns = store.all("campaigns");
  SEED.forEach((s, i) => {
    const job = jobs[i];
    const customer = store.collection("customers").get(job.customerId)!;
    const location = store.collection("locations").get(job.locationId)!;
    const technicianId = store.all("appointment-assignments", { jobId: job.id })[0]?.technicianId ?? 1001;
    const technician = store.collection("technicians").get(technicianId)!;
    const published = new Date(Date.parse(job.completedOn) + s.days * 86_400_000).toISOString();
    const matched = !("unmatched" in s);
    store.setClock(published);
    const [first, last] = String(customer.name).split(" ");
    store.create(REVIEWS, {
      platform: s.platform,
      rating: s.rating,
      review: s.review,
      reviewResponse: s.reviewResponse,
      authorName: `${first} ${last?.[0] ?? ""}.`.trim(),
      authorEmail: null,
      address: `${location.address.street}, ${location.address.city}, ${location.address.state} ${location.address.zip}`,
      publishDate: published,
      reviewType: s.reviewResponse ? 1 : 0,
      recommendationStatus: s.rating >= 4 ? 0 : 1,
      verificationStatus: matched,
      isAutoVerified: matched ? i % 2 === 0 : null,
      verifiedByUserId: matched && i % 2 === 1 ? VERIFIER : null,
      verifiedOn: matched ? published : null,
      jobId: matched ? job.id : null,
      jobStatus: matched ? 3 : 0,
      jobTypeName: matched ? (store.collection("job-types").get(job.jobTypeId)?.name ?? null) : null,
      businessUnitId: matched ? job.businessUnitId : null,
      completedDate: matched ? job.completedOn : null,
      dispatchedDate: matched ? (store.all("appointment-assignments", { jobId: job.id })[0]?.assignedOn ?? job.completedOn) : null,
      customerId: matched ? customer.id : null,
      customerName: matched ? customer.name : null,
      technicianId: matched ? technician.id : null,
      technicianFullName: matched ? technician.name : null,
      externalId: `${s.platform.toUpperCase()}-${(job.id * 7919).toString(36).toUpperCase()}`,
      // Matching (not in the answer's schema): what the location / technician / campaign filters look at.
      locationId: matched ? location.id : null,
      campaignId: matched ? (campaigns[i % campaigns.length]?.id ?? null) : null,
      responseType: s.reviewResponse ? 1 : 0,
      reviewStatus: matched ? 2 : 0,
    });
  });
  store.setClock(null);
}

export const marketingreputation: SandboxModule = {
  collections: (spec) => [
    schemaCollection(spec, {
      name: REVIEWS,
      label: "Review",
      firstId: 515_001,
      record: "marketingreputation/reviews",
      // The review's internalId is its id in ServiceTitan.
      defaults: (_store, _fields, id) => ({ internalId: id }),
      filters: {
        responseTypes: { in: "responseType" },
        reviewStatuses: { in: "reviewStatus" },
        internalId: "internalId",
        externalId: "externalId",
      },
    }),
  ],
  seed: seedReviews,
  handlers: {
    reviews: (ctx) => list(REVIEWS, { scope: reviewScope })(ctx),
  },
};
