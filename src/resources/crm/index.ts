import type { ResourceModule } from "../../kit";
import { customers } from "./customers";
import { customerContacts } from "./customerContacts";
import { locations } from "./locations";
import { bookings } from "./bookings";

/** The crm module's resources (path prefix /crm/v2). */
export const crmResources: ResourceModule[] = [customers, customerContacts, locations, bookings];
