import type { IdVocabulary } from "../../kit/ids";

/**
 * Fleet Pro ids (see kit/ids.ts): none. Vehicles are named by their VIN (text, offered by the Select Fleet Vehicle
 * dropdown), and events and GPS points by text ids; the vocabulary holds integer and GUID ids.
 */
export const fleetproIds: IdVocabulary = {};
