/** Deterministic randomness and the name pools behind the demo seed and bulk inserts. */

/** Small seeded PRNG (mulberry32): same seed, same data set, so tests can rely on it. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(items: readonly T[], n: number): T => items[Math.abs(Math.floor(n)) % items.length];

export const FIRST_NAMES = [
  "James",
  "Maria",
  "Robert",
  "Patricia",
  "John",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Richard",
  "Susan",
  "Joseph",
  "Jessica",
  "Thomas",
  "Sarah",
  "Carlos",
  "Ana",
  "Daniel",
  "Karen",
  "Anthony",
  "Nancy",
  "Luis",
  "Emily",
  "Kevin",
  "Lisa",
  "Brian",
  "Grace",
] as const;

export const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Perez",
  "Thompson",
  "White",
  "Harris",
  "Sanchez",
  "Clark",
  "Ramirez",
  "Lewis",
  "Robinson",
] as const;

export const STREETS = [
  "Maple Ave",
  "Oak St",
  "Cedar Ln",
  "Pine Dr",
  "Elm St",
  "Washington Blvd",
  "Lakeview Dr",
  "Sunset Blvd",
  "Park Ave",
  "Highland Rd",
  "Mesquite Trl",
  "Camelback Rd",
  "Indian School Rd",
  "Palo Verde Dr",
  "Saguaro Way",
] as const;

/** [city, state, zip, latitude, longitude] around Phoenix, AZ. */
export const CITIES = [
  ["Phoenix", "AZ", "85016", 33.5092, -112.0297],
  ["Scottsdale", "AZ", "85251", 33.4942, -111.9261],
  ["Tempe", "AZ", "85281", 33.4255, -111.94],
  ["Mesa", "AZ", "85201", 33.4152, -111.8315],
  ["Chandler", "AZ", "85225", 33.3062, -111.8413],
  ["Glendale", "AZ", "85301", 33.5387, -112.186],
  ["Gilbert", "AZ", "85233", 33.3528, -111.789],
] as const;

export const COMPANIES = [
  "Desert Ridge Dental",
  "Camelback Property Management",
  "Sonoran Grill",
  "Copper State Storage",
  "Papago Office Park",
  "Saguaro Elementary School",
  "Valley Fitness Center",
  "Cactus Flower Apartments",
] as const;

export const EQUIPMENT = [
  ["Carrier", "24ACC636A003", "Central Air Conditioner"],
  ["Trane", "XR16", "Heat Pump"],
  ["Lennox", "EL296V", "Gas Furnace"],
  ["Rheem", "PROG50-38N", "Water Heater"],
  ["Goodman", "GSX140361", "Condenser"],
  ["Honeywell", "T6 Pro", "Thermostat"],
] as const;

export const SKUS = [
  ["Diagnostic Visit", 89],
  ["AC Tune-Up", 129],
  ["Capacitor Replacement", 245],
  ["Refrigerant Recharge (per lb)", 95],
  ["Thermostat Installation", 320],
  ["Drain Line Flush", 150],
  ["Water Heater Flush", 175],
  ["Filter Replacement", 45],
] as const;

const PAD = (n: number, width: number) => String(n).padStart(width, "0");
export const phoneNumber = (n: number): string => `480${PAD(5550000 + (Math.abs(n) % 10000), 7)}`;
/** 900 distinct names before repeating. */
export const personName = (n: number): string => `${pick(FIRST_NAMES, n)} ${pick(LAST_NAMES, Math.floor(n / FIRST_NAMES.length) + n)}`;

export function address(n: number) {
  const [city, state, zip, latitude, longitude] = pick(CITIES, n * 3 + 1);
  return {
    street: `${100 + ((n * 37) % 9800)} ${pick(STREETS, n * 5 + 2)}`,
    city,
    state,
    zip,
    country: "USA",
    latitude: Math.round((latitude + ((n % 50) - 25) / 1000) * 1e6) / 1e6,
    longitude: Math.round((longitude + ((n % 30) - 15) / 1000) * 1e6) / 1e6,
  };
}
