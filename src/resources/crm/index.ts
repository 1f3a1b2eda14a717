import type { ResourceModule } from "../../kit";
import { customers } from "./customers";
import { customerContacts } from "./customerContacts";
import { locations } from "./locations";
import { bookings } from "./bookings";
import { leads } from "./leads";
import { notes } from "./notes";
import { tags } from "./tags";
import { locationContacts } from "./locationContacts";
import { preferredTechnician } from "./preferredTechnician";
import { customFieldTypes } from "./customFieldTypes";
import { contacts } from "./contacts";
import { bookingContacts } from "./bookingContacts";
import { bookingProviderTags } from "./bookingProviderTags";

/** The crm module's resources (path prefix /crm/v2). */
export const crmResources: ResourceModule[] = [
  customers,
  customerContacts,
  locations,
  bookings,
  leads,
  notes,
  tags,
  locationContacts,
  preferredTechnician,
  customFieldTypes,
  contacts,
  bookingContacts,
  bookingProviderTags,
];
